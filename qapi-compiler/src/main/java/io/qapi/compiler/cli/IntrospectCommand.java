package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.gen.introspect.Introspection;
import io.qapi.compiler.gen.introspect.Json;
import io.qapi.compiler.gen.introspect.JsonWriter;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "introspect", mixinStandardHelpOptions = true, description = {
    "Print what QMP's query-qmp-schema returns for a schema (the value of \"return\").",
    "Without -D, every conditional part is included.",
    "With -D, it is what a QEMU built with exactly those symbols defined returns."})
final class IntrospectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SCHEMA")
    String schema;

    @Option(names = "-D", paramLabel = "SYMBOL",
            description = "A symbol the build defines (repeatable), such as CONFIG_LINUX or TARGET_I386.")
    List<String> defines = List.of();

    @Option(names = "--unmask", description = "Show types by their names instead of by numbers.")
    boolean unmask;

    @Option(names = "--pretty", description = "Indent the JSON, one member a line.")
    boolean pretty;

    @Option(names = "--lenient-docs",
            description = "Accept the documentation conventions of QEMU releases 2.8 to 11.0.")
    boolean lenientDocs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        QapiCompiler.Options options = new QapiCompiler.Options(lenientDocs, false);
        QapiCompiler.Result result = EarlyStart.result(schema, options);
        if (!result.ok()) {
            SchemaOptions.printErrors(schema, options, result, spec.commandLine().getErr());
            return 1;
        }
        Json.Arr reply = defines.isEmpty()
                ? Introspection.replyWithEverything(result.schema(), unmask)
                : Introspection.reply(result.schema(), unmask, new LinkedHashSet<>(defines));
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonWriter.write(reply, pretty));
        out.flush();
        return 0;
    }
}
