package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true, description = "Check schemas; print errors the way QEMU does.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    SchemaOptions schemaOptions = new SchemaOptions();

    @Parameters(arity = "1..*", paramLabel = "SCHEMA")
    List<String> schemas;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return check(schemas, schemaOptions.options(), spec.commandLine().getErr());
    }

    /** Checks each schema; errors go to {@code err}; 0 when all are valid. */
    static int check(List<String> schemas, QapiCompiler.Options options, java.io.PrintWriter err) {
        int status = 0;
        for (String schema : schemas) {
            QapiCompiler.Result result = EarlyStart.result(schema, options);
            if (!result.ok()) {
                SchemaOptions.printErrors(schema, options, result, err);
                status = 1;
            }
        }
        return status;
    }
}
