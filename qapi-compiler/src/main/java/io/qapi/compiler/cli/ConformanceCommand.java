package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.conformance.CaseRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** Runs a directory of QEMU-style QAPI test cases in this one process. */
final class ConformanceCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpecs.command(
            this,
            "conformance",
            "Run a QEMU-style tests/qapi-schema directory: the cases meson.build lists, or every NAME.json",
            "with a NAME.out or NAME.err. Prints a diff per failing case and 'N passed, M failed'.");

    ConformanceCommand() {
        spec.addPositional(CommandSpecs.parameter("DIR"));
        spec.addOption(CommandSpecs.flag(SchemaOptions.LENIENT_DOCS, "Read the cases with --lenient-docs."));
    }

    @Override
    public Integer call() throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        String directory = parsed.matchedPositionalValue(0, null);
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isDirectory(Path.of(directory))) {
            spec.commandLine().getErr().println("qapic: not a directory: " + directory);
            return 2;
        }
        CaseRunner runner = new CaseRunner(
                directory, new QapiCompiler.Options(parsed.hasMatchedOption(SchemaOptions.LENIENT_DOCS), false));
        int passed = 0;
        int failed = 0;
        for (String name : runner.cases()) {
            CaseRunner.Outcome outcome = runner.run(name);
            if (outcome.passed()) {
                passed++;
            } else {
                failed++;
                out.println("FAIL " + name);
                out.print(outcome.report());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
