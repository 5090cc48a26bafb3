package io.qapi.compiler.cli;

import io.qapi.compiler.Pipeline;
import io.qapi.compiler.gen.Defines;
import io.qapi.compiler.gen.GenOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/** {@code qapic generate}: the command line's adapter to {@link Pipeline}. */
final class GenerateCommand implements Callable<Integer> {
    final CommandSpec spec = CommandSpecs.command(
            this, "generate", "Generate Java from a schema: types, client, server, events, introspection.");

    GenerateCommand() {
        SchemaOptions.addTo(spec);
        spec.addPositional(CommandSpecs.parameter("SCHEMA"));
        spec.addOption(CommandSpecs.option("DIR", Path.class, "Output directory.", "-o", "--output")
                .required(true)
                .build());
        spec.addOption(CommandSpecs.option("PKG", String.class, "Base package of the API.", "--package")
                .required(true)
                .build());
        spec.addOption(CommandSpecs.repeatable(
                        "SYMBOL", "A configuration symbol that is set; with any, conditions are evaluated.", "-D")
                .build());
        spec.addOption(CommandSpecs.repeatable(
                        "TARGET",
                        "What to generate: types, client, server, events, introspection (default: all).",
                        "--targets")
                .splitRegex(",")
                .build());
    }

    @Override
    public Integer call() throws IOException {
        ParseResult parsed = spec.commandLine().getParseResult();
        Pipeline.Request request = new Pipeline.Request(
                parsed.matchedPositionalValue(0, null), SchemaOptions.of(parsed), generate(parsed));
        Pipeline.Plan plan = Pipeline.generate(request, parsed.matchedOptionValue("--output", null));
        if (!plan.ok()) {
            SchemaOptions.printErrors(
                    plan.errors(), plan.lenientDocsAccepts(), spec.commandLine().getErr());
            return 1;
        }
        return 0;
    }

    /** What the options ask to generate; a usage error (status 2) when they name no such thing. */
    private GenOptions generate(ParseResult parsed) {
        Set<GenOptions.Target> targets;
        try {
            targets = GenOptions.Target.parse(parsed.matchedOptionValue("--targets", List.of()));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            return new GenOptions(
                    parsed.matchedOptionValue("--package", null),
                    Defines.of(parsed.matchedOptionValue("-D", List.of())),
                    targets);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--package: " + e.getMessage());
        }
    }
}
