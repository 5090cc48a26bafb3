package io.qapi.compiler.conformance;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.dump.IrDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs QEMU-style QAPI test cases: each {@code NAME.json} is read, and what is printed (the IR
 * dump, or the error) is compared with {@code NAME.out} and {@code NAME.err} exactly as QEMU's
 * driver compares them, the directory prefix stripped from errors.
 */
public final class CaseRunner {
    private static final Pattern MESON_CASE = Pattern.compile("'([^'/]+\\.json)'");
    /** The list of cases, and additions to it such as the deliberately missing schema. */
    private static final Pattern MESON_LIST = Pattern.compile("schemas\\s*\\+?=\\s*\\[([^\\]]*)\\]");

    private final String dir;
    private final Path dirPath;
    private final QapiCompiler.Options options;

    /** @param directory the directory as it should appear in paths (and be stripped from errors) */
    public CaseRunner(String directory, QapiCompiler.Options options) {
        String trimmed = directory.replaceAll("/+$", "");
        this.dir = trimmed.isEmpty() ? "/" : trimmed;
        this.dirPath = Path.of(dir);
        this.options = options;
    }

    /** What a case printed. */
    public record Output(String out, String err) {}

    /** The outcome of one case: {@code report} is null when it passed, else the diffs. */
    public record Outcome(String name, Output actual, String report) {
        public boolean passed() {
            return report == null;
        }
    }

    /** The cases meson.build lists, or every NAME.json with an expected output, sorted. */
    public List<String> cases() throws IOException {
        Path meson = dirPath.resolve("meson.build");
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(meson)) {
            Matcher list = MESON_LIST.matcher(Files.readString(meson));
            while (list.find()) {
                Matcher m = MESON_CASE.matcher(list.group(1));
                while (m.find()) {
                    names.add(m.group(1).replaceAll("\\.json$", ""));
                }
            }
            if (!names.isEmpty()) {
                return names;
            }
        }
        try (Stream<Path> files = Files.list(dirPath)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - 5))
                    .filter(n -> Files.exists(dirPath.resolve(n + ".out")) || Files.exists(dirPath.resolve(n + ".err")))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    /** Reads a case and returns what QEMU's driver would print for it. */
    public Output output(String name) {
        QapiCompiler.Result result = QapiCompiler.compile(dir + "/" + name + ".json", options);
        String out = result.ok() ? IrDump.print(result.schema()) : "";
        StringBuilder err = new StringBuilder();
        for (Diagnostic d : result.errors()) {
            err.append(d.format()).append('\n');
        }
        return new Output(out, err.toString().replace(dir + "/", ""));
    }

    public Outcome run(String name) {
        Output actual = output(name);
        String expectedOut;
        String expectedErr;
        try {
            expectedOut = read(dirPath.resolve(name + ".out"));
            expectedErr = read(dirPath.resolve(name + ".err"));
        } catch (IOException e) {
            return new Outcome(name, actual, "can't open expected output: " + e.getMessage() + "\n");
        }
        if (actual.out().equals(expectedOut) && actual.err().equals(expectedErr)) {
            return new Outcome(name, actual, null);
        }
        StringBuilder report = new StringBuilder();
        if (!actual.out().equals(expectedOut)) {
            report.append(UnifiedDiff.diff(name + ".out", expectedOut, name + ".out (actual)", actual.out()));
        }
        if (!actual.err().equals(expectedErr)) {
            report.append(UnifiedDiff.diff(name + ".err", expectedErr, name + ".err (actual)", actual.err()));
        }
        return new Outcome(name, actual, report.toString());
    }

    /** Rewrites a case's expected files with what it prints now. */
    public void regenerate(String name) throws IOException {
        Output actual = output(name);
        Files.writeString(dirPath.resolve(name + ".out"), actual.out(), StandardCharsets.UTF_8);
        Files.writeString(dirPath.resolve(name + ".err"), actual.err(), StandardCharsets.UTF_8);
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
