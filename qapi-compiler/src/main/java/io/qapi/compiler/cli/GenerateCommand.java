package io.qapi.compiler.cli;

import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.diag.Diagnostics;
import io.qapi.compiler.gen.GenOptions;
import io.qapi.compiler.gen.JavaGenerator;
import io.qapi.compiler.write.GeneratedSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true, description = "Generate Java from a schema: types, client, server, events, introspection.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin
    SchemaOptions schemaOptions = new SchemaOptions();

    @Parameters(paramLabel = "SCHEMA")
    String schema;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = "--package", required = true, paramLabel = "PKG", description = "Base package of the API.")
    String basePackage;

    @Option(names = "-D", paramLabel = "SYMBOL",
            description = "A configuration symbol that is set; with any, conditions are evaluated.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--targets", split = ",", paramLabel = "TARGET",
            description = "What to generate: types, client, server, events, introspection (default: all).")
    List<String> targets = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        QapiCompiler.Result result = EarlyStart.result(schema, schemaOptions.options());
        if (!result.ok()) {
            SchemaOptions.printErrors(schema, schemaOptions.options(), result, spec.commandLine().getErr());
            return 1;
        }
        Set<GenOptions.Target> selected = EnumSet.noneOf(GenOptions.Target.class);
        for (String t : targets) {
            try {
                selected.add(GenOptions.Target.valueOf(t.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "unknown target '" + t + "'");
            }
        }
        GenOptions options;
        try {
            options = new GenOptions(basePackage, defines.isEmpty() ? null : Set.copyOf(defines), selected);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        }
        Diagnostics diagnostics = new Diagnostics(schemaOptions.allErrors);
        var files = JavaGenerator.plan(result.schema(), options, diagnostics);
        if (diagnostics.hasErrors()) {
            SchemaOptions.printErrors(diagnostics.errors(), spec.commandLine().getErr());
            return 1;
        }
        GeneratedSources.write(output, files);
        return 0;
    }
}
