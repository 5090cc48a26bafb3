package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.gen.introspect.Introspection;
import io.qapi.compiler.gen.introspect.Json;
import io.qapi.compiler.gen.introspect.JsonWriter;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code qapic introspect SCHEMA}: what QEMU's {@code query-qmp-schema} returns for it. */
final class IntrospectCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpecs.command(
            this,
            "introspect",
            "Print what QMP's query-qmp-schema returns for a schema (the value of \"return\").",
            "Without -D, every conditional part is included.",
            "With -D, it is what a QEMU built with exactly those symbols defined returns.");

    IntrospectCommand() {
        spec.addPositional(CommandSpecs.parameter("SCHEMA"));
        spec.addOption(CommandSpecs.repeatable(
                        "SYMBOL", "A symbol the build defines (repeatable), such as CONFIG_LINUX or TARGET_I386.", "-D")
                .build());
        spec.addOption(CommandSpecs.flag("--unmask", "Show types by their names instead of by numbers."));
        spec.addOption(CommandSpecs.flag("--pretty", "Indent the JSON, one member a line."));
        spec.addOption(CommandSpecs.flag(SchemaOptions.LENIENT_DOCS, SchemaOptions.LENIENT_DOCS_DESCRIPTION));
    }

    @Override
    public Integer call() {
        ParseResult parsed = spec.commandLine().getParseResult();
        String schema = parsed.matchedPositionalValue(0, null);
        List<String> defines = parsed.matchedOptionValue("-D", List.of());
        boolean unmask = parsed.hasMatchedOption("--unmask");
        QapiCompiler.Options options =
                new QapiCompiler.Options(parsed.hasMatchedOption(SchemaOptions.LENIENT_DOCS), false);
        QapiCompiler.Result result = QapiCompiler.compile(schema, options);
        if (!result.ok()) {
            SchemaOptions.printErrors(
                    schema, options, result, spec.commandLine().getErr());
            return 1;
        }
        Json.Arr reply = defines.isEmpty()
                ? Introspection.replyWithEverything(result.schema(), unmask)
                : Introspection.reply(result.schema(), unmask, new LinkedHashSet<>(defines));
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsonWriter.write(reply, parsed.hasMatchedOption("--pretty")));
        out.flush();
        return 0;
    }
}
