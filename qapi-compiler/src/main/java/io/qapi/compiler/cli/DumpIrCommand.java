package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.dump.IrDump;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "dump-ir", description = "Print the checked schema as QEMU's QAPI test driver prints it.")
final class DumpIrCommand implements Callable<Integer> {
    @Mixin
    SchemaOptions schemaOptions = new SchemaOptions();

    @Parameters(paramLabel = "SCHEMA")
    String schema;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        QapiCompiler.Result result = EarlyStart.result(schema, schemaOptions.options());
        if (!result.ok()) {
            SchemaOptions.printErrors(result.errors(), spec.commandLine().getErr());
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(IrDump.print(result.schema()));
        out.flush();
        return 0;
    }
}
