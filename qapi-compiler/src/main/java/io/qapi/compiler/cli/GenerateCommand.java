package io.qapi.compiler.cli;

import io.qapi.compiler.Pipeline;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        Pipeline.Plan plan = Pipeline.generate(new Pipeline.Request(schema, schemaOptions.options(), generate()), output);
        if (!plan.ok()) {
            SchemaOptions.printErrors(plan.errors(), plan.lenientDocsAccepts(), spec.commandLine().getErr());
            return 1;
        }
        return 0;
    }

    /** What the options ask to generate; a usage error (status 2) when they name no such thing. */
    private GenOptions generate() {
        Set<GenOptions.Target> selected;
        try {
            selected = GenOptions.Target.parse(targets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return new GenOptions(basePackage, Defines.of(defines), selected);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        }
    }
}
