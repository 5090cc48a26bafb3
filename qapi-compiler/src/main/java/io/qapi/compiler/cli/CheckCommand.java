package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code qapic check SCHEMA...}: 0 when every schema is valid, otherwise 1 and QEMU's errors. */
final class CheckCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpecs.command(this, "check", "Check schemas; print errors the way QEMU does.");

    CheckCommand() {
        SchemaOptions.addTo(spec);
        spec.addPositional(CommandSpecs.parameters("SCHEMA"));
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        QapiCompiler.Options options = SchemaOptions.of(parsed);
        PrintWriter err = spec.commandLine().getErr();
        int status = 0;
        for (String schema : parsed.<List<String>>matchedPositionalValue(0, List.of())) {
            QapiCompiler.Result result = QapiCompiler.compile(schema, options);
            if (!result.ok()) {
                SchemaOptions.printErrors(schema, options, result, err);
                status = 1;
            }
        }
        return status;
    }
}
