package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.dump.IrDump;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code qapic dump-ir SCHEMA}: the checked schema as QEMU's test driver prints it. */
final class DumpIrCommand implements Callable<Integer> {
    final CommandSpec spec =
            CommandSpecs.command(this, "dump-ir", "Print the checked schema as QEMU's QAPI test driver prints it.");

    DumpIrCommand() {
        SchemaOptions.addTo(spec);
        spec.addPositional(CommandSpecs.parameter("SCHEMA"));
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        String schema = parsed.matchedPositionalValue(0, null);
        QapiCompiler.Options options = SchemaOptions.of(parsed);
        QapiCompiler.Result result = QapiCompiler.compile(schema, options);
        if (!result.ok()) {
            SchemaOptions.printErrors(
                    schema, options, result, spec.commandLine().getErr());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(IrDump.print(result.schema()));
        out.flush();
        return 0;
    }
}
