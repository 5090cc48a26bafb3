package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.dump.IrDump;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "dump-ir", mixinStandardHelpOptions = true, description = "Print the checked schema as QEMU's QAPI test driver prints it.")
final class DumpIrCommand implements Callable<Integer> {
    @Mixin
    SchemaOptions schemaOptions = new SchemaOptions();

    @Parameters(paramLabel = "SCHEMA")
    String schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return dump(schema, schemaOptions.options(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Prints the schema's IR to {@code out}, or its errors to {@code err}. */
    static int dump(String schema, QapiCompiler.Options options, PrintWriter out, PrintWriter err) {
        QapiCompiler.Result result = EarlyStart.result(schema, options);
        if (!result.ok()) {
            SchemaOptions.printErrors(schema, options, result, err);
            return 1;
        }
        out.print(IrDump.print(result.schema()));
        out.flush();
        return 0;
    }
}
