package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostic;
import io.qapi.compiler.dump.IrDump;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Runs a directory of QEMU-style QAPI test cases: each {@code NAME.json} is read, and what is
 * printed (the IR dump, or the error) is compared with {@code NAME.out} and {@code NAME.err}
 * exactly as QEMU's driver compares them, the directory prefix stripped from errors.
 */
@Command(name = "conformance", description = "Run a QEMU-style tests/qapi-schema directory.")
final class ConformanceCommand implements Callable<Integer> {
    private static final Pattern MESON_CASE = Pattern.compile("'([^'/]+\\.json)'");
    /** The list of cases, and additions to it such as the deliberately missing schema. */
    private static final Pattern MESON_LIST = Pattern.compile("schemas\\s*\\+?=\\s*\\[([^\\]]*)\\]");

    @Parameters(paramLabel = "DIR")
    String directory;

    @CommandLine.Option(names = "--lenient-docs", description = "Read the cases with --lenient-docs.")
    boolean lenientDocs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String dir = directory.replaceAll("/+$", "");
        Path dirPath = Path.of(dir.isEmpty() ? "/" : dir);
        if (!Files.isDirectory(dirPath)) {
            spec.commandLine().getErr().println("qapic: not a directory: " + directory);
            return 2;
        }
        int passed = 0;
        int failed = 0;
        for (String name : cases(dirPath)) {
            String failure = runCase(dir, dirPath, name);
            if (failure == null) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + name);
                out.print(failure);
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** The cases meson.build lists, or every NAME.json with an expected output. */
    static List<String> cases(Path dir) throws IOException {
        Path meson = dir.resolve("meson.build");
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
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .map(f -> f.substring(0, f.length() - 5))
                    .filter(n -> Files.exists(dir.resolve(n + ".out")) || Files.exists(dir.resolve(n + ".err")))
                    .sorted()
                    .forEach(names::add);
        }
        return names;
    }

    /** Returns null when the case passes, otherwise the report. */
    private String runCase(String dir, Path dirPath, String name) {
        String expectedOut;
        String expectedErr;
        try {
            expectedOut = read(dirPath.resolve(name + ".out"));
            expectedErr = read(dirPath.resolve(name + ".err"));
        } catch (IOException e) {
            return "  can't open expected output: " + e.getMessage() + "\n";
        }
        QapiCompiler.Result result = QapiCompiler.compile(dir + "/" + name + ".json",
                new QapiCompiler.Options(lenientDocs, false));
        String actualOut = result.ok() ? IrDump.print(result.schema()) : "";
        StringBuilder err = new StringBuilder();
        for (Diagnostic d : result.errors()) {
            err.append(d.format()).append('\n');
        }
        String actualErr = err.toString().replace(dir + "/", "");
        if (actualOut.equals(expectedOut) && actualErr.equals(expectedErr)) {
            return null;
        }
        StringBuilder report = new StringBuilder();
        if (!actualOut.equals(expectedOut)) {
            report.append(UnifiedDiff.diff(name + ".out", expectedOut, name + ".out (actual)", actualOut));
        }
        if (!actualErr.equals(expectedErr)) {
            report.append(UnifiedDiff.diff(name + ".err", expectedErr, name + ".err (actual)", actualErr));
        }
        return report.toString();
    }

    private static String read(Path p) throws IOException {
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
