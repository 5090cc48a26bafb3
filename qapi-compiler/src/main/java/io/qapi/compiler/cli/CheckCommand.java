package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", description = "Check schemas; print errors the way QEMU does.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SchemaOptions schemaOptions = new SchemaOptions();

    @Parameters(arity = "1..*", paramLabel = "SCHEMA")
    List<String> schemas;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        int status = 0;
        for (String schema : schemas) {
            QapiCompiler.Result result = EarlyStart.result(schema, schemaOptions.options());
            if (!result.ok()) {
                SchemaOptions.printErrors(result.errors(), spec.commandLine().getErr());
                status = 1;
            }
        }
        return status;
    }
}
