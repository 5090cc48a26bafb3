package io.qapi.it.libvirt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An unmodified libvirt probes the model as it probes QEMU: {@code virsh domcapabilities} with
 * the model as the emulator ({@code qemu-model}, or {@code qemu-model-aarch64} for the Arm target)
 * prints what it prints for the real binary, and the capabilities libvirt caches for the model
 * (flags, machine types, CPU models and expansions, device properties) equal the real binary's.
 * The emulator's path and timestamps are all that may differ. libvirt runs embedded, without a
 * daemon, each run in a fresh root so that it probes afresh. Skipped, saying so, where virsh or
 * QEMU is not installed (CI installs both), or where KVM is available.
 */
class LibvirtProbeTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** Lines of the cached capabilities that name the emulator or say when it was probed. */
    private static final Pattern HOST_LINES = Pattern.compile("\\s*<(emulator|qemuctime|selfctime|selfvers|path)\\b.*");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"x86_64, q35, qemu-model", "x86_64, pc, qemu-model", "aarch64, virt, qemu-model-aarch64"})
    void domcapabilitiesOfTheModelEqualTheRealBinarys(String arch, String machine, String launcher) throws Exception {
        assumeInstalled("virsh");
        assumeInstalled("qemu-system-" + arch);
        // with KVM, libvirt probes the real binary under KVM too; the model stands for it under TCG
        Assumptions.assumeFalse(
                Files.exists(Path.of("/dev/kvm")),
                "/dev/kvm exists: libvirt would probe the real binary under KVM, which the model does not model");
        Path real = Path.of("/usr/bin/qemu-system-" + arch);
        Path model = REPOSITORY.resolve(launcher);
        Probe ofReal = probe("real", real, arch, machine);
        Probe ofModel = probe("model", model, arch, machine);
        assertEquals(ofReal.domcapabilities().replace(real.toString(), model.toString()), ofModel.domcapabilities());
        assertEquals(ofReal.cache(), ofModel.cache(), "the capabilities libvirt caches");
        assertTrue(ofModel.cache().contains("<flag name="), "the cache holds capability flags");
    }

    /** What one probe gave: virsh's output, and the cached capabilities without host lines. */
    private record Probe(String domcapabilities, String cache) {}

    private Probe probe(String name, Path emulator, String arch, String machine) throws Exception {
        Path root = dir.resolve(name + "-" + arch + "-" + machine);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/qemu.conf"), "stdio_handler = \"file\"\n");
        Process virsh = new ProcessBuilder(
                        "virsh",
                        "-c",
                        "qemu:///embed?root=" + root,
                        "domcapabilities",
                        "--emulatorbin",
                        emulator.toString(),
                        "--arch",
                        arch,
                        "--virttype",
                        "qemu",
                        "--machine",
                        machine)
                .redirectError(root.resolve("virsh.err").toFile())
                .start();
        String out = new String(virsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(virsh.waitFor(120, TimeUnit.SECONDS), "virsh did not finish");
        assertEquals(
                0,
                virsh.exitValue(),
                () -> "virsh domcapabilities with " + emulator + " failed: " + read(root.resolve("virsh.err")));
        return new Probe(out, cache(root.resolve("cache/qemu/capabilities")));
    }

    private static String cache(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> xml = files.filter(f -> f.toString().endsWith(".xml")).toList();
            assertEquals(1, xml.size(), "one cached probe in " + dir);
            return Files.readAllLines(xml.get(0)).stream()
                    .filter(line -> !HOST_LINES.matcher(line).matches())
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    private static void assumeInstalled(String program) {
        boolean installed = Arrays.stream(
                        System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
        Assumptions.assumeTrue(
                installed,
                program + " is not installed (CI installs libvirt-daemon-driver-qemu, "
                        + "libvirt-clients, qemu-system-x86 and qemu-system-arm): libvirt probe skipped");
    }
}
