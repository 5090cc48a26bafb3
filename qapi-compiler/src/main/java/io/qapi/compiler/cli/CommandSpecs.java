package io.qapi.compiler.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The pieces qapic's commands are described with, through picocli's programmatic API: the
 * annotations would have picocli read every command class reflectively on every start (see
 * ARCHITECTURE.md, "Start-up").
 */
final class CommandSpecs {
    private CommandSpecs() {}

    /**
     * A command that runs {@code command} (a {@code Runnable} or {@code Callable}), with
     * {@code -h, --help} and {@code -V, --version} as picocli's standard help options have them.
     */
    static CommandSpec command(Object command, String name, String... description) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
        spec.usageMessage().description(description);
        spec.addOption(OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
        spec.addOption(OptionSpec.builder("-V", "--version")
                .versionHelp(true)
                .description("Print version information and exit.")
                .build());
        return spec;
    }

    /** An option without a value: given or not. */
    static OptionSpec flag(String name, String description) {
        return OptionSpec.builder(name)
                .type(boolean.class)
                .description(description)
                .build();
    }

    /** An option with a value: {@code NAME=LABEL}. */
    static OptionSpec.Builder option(String label, Class<?> type, String description, String... names) {
        return OptionSpec.builder(names).paramLabel(label).type(type).description(description);
    }

    /** An option that may be given again and again, its values in a list. */
    static OptionSpec.Builder repeatable(String label, String description, String... names) {
        return OptionSpec.builder(names)
                .paramLabel(label)
                .type(List.class)
                .auxiliaryTypes(String.class)
                .description(description);
    }

    /** The one parameter {@code LABEL}, a string, which must be there. */
    static PositionalParamSpec parameter(String label) {
        return PositionalParamSpec.builder()
                .paramLabel(label)
                .type(String.class)
                .arity("1")
                .required(true)
                .build();
    }

    /** Parameters {@code LABEL...}, at least one. */
    static PositionalParamSpec parameters(String label) {
        return PositionalParamSpec.builder()
                .paramLabel(label)
                .type(List.class)
                .auxiliaryTypes(String.class)
                .arity("1..*")
                .required(true)
                .build();
    }
}
