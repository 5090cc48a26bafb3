package io.qapi.machine.capture;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-captures from the installed QEMU binaries and fails on any difference from the committed
 * packs, so the data is always the real binary's. Skipped, saying so, when the binary is absent
 * or reports a version other than the one the pack records.
 */
class RecaptureTest {
    private static final List<String> FILES = List.of(
            "binary.json",
            "query-machines.json",
            "query-cpu-definitions.json",
            "cpu-expansions.json",
            "cpu-instances.json",
            "query-commands.json",
            "query-chardev-backends.json",
            "types.json",
            "pci-devices.json",
            "machine-help.txt",
            "cpu-help.txt",
            "machine-options-help.json");

    /** The committed packs, from the module's directory (where the tests run). */
    private static final Path COMMITTED = Path.of("src/main/resources/machine-types");

    @Test
    void x86PackIsWhatTheInstalledBinaryReplies(@TempDir Path out) throws IOException {
        recapture("x86_64-7.2", Path.of("/usr/bin/qemu-system-x86_64"), out);
    }

    @Test
    void aarch64PackIsWhatTheInstalledBinaryReplies(@TempDir Path out) throws IOException {
        recapture("aarch64-7.2", Path.of("/usr/bin/qemu-system-aarch64"), out);
    }

    private static void recapture(String pack, Path binary, Path out) throws IOException {
        assumeTrue(Files.isExecutable(binary), binary + " is not installed; re-capture skipped");
        String recorded = new ObjectMapper()
                .readTree(resource(pack, "binary.json"))
                .path("version-line")
                .asText();
        String installed = firstLine(binary);
        assumeTrue(
                recorded.equals(installed),
                "installed " + binary + " is '" + installed + "', the pack records '" + recorded
                        + "'; re-capture skipped");
        Capture.capture(binary, out);
        List<String> differences = new ArrayList<>();
        for (String file : FILES) {
            boolean committed = Files.exists(COMMITTED.resolve(pack).resolve(file));
            if (committed != Files.exists(out.resolve(file))) {
                // pci-devices.json is x86's only: each side must have it or not
                differences.add(file + ": the pack " + (committed ? "has" : "lacks") + " it, the re-capture "
                        + (committed ? "does not" : "does"));
                continue;
            }
            if (!committed) {
                continue;
            }
            String expected = resource(pack, file);
            String actual = Files.readString(out.resolve(file));
            if (!expected.equals(actual)) {
                differences.add(file + ": " + firstDifference(expected, actual));
            }
        }
        for (String dir : List.of("machines", "switches", "suppressions")) {
            List<String> captured = names(out.resolve(dir));
            for (String file : captured) {
                String name = dir + "/" + file;
                String actual = Files.readString(out.resolve(name));
                String expected = resource(pack, name);
                if (!expected.equals(actual)) {
                    differences.add(name + ": " + firstDifference(expected, actual));
                }
            }
            List<String> committed = names(COMMITTED.resolve(pack).resolve(dir));
            if (!committed.equals(captured)) {
                differences.add(dir + "/: the pack has files " + committed + ", the re-capture " + captured);
            }
        }
        if (!differences.isEmpty()) {
            fail("re-capture from " + binary + " differs from pack " + pack + ":\n" + String.join("\n", differences));
        }
    }

    /** The files of {@code dir} by name, sorted; none when it does not exist. */
    private static List<String> names(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n", -1);
        String[] b = actual.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "line " + (i + 1) + ": pack has [" + a[i].strip() + "], QEMU gives [" + b[i].strip() + "]";
            }
        }
        return "pack has " + a.length + " lines, QEMU gives " + b.length;
    }

    private static String resource(String pack, String file) throws IOException {
        try (InputStream in = RecaptureTest.class.getResourceAsStream("/machine-types/" + pack + "/" + file)) {
            if (in == null) {
                throw new IOException("pack " + pack + " has no " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String firstLine(Path binary) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        try (InputStream in = p.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("");
        } finally {
            p.destroyForcibly();
        }
    }
}
