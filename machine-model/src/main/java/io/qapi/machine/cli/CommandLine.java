package io.qapi.machine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A QEMU command line split into options, in the order given. Parsing follows QEMU: an option is
 * a word starting with {@code -} (or {@code --}); an option that takes an argument consumes the
 * next word whatever it looks like ({@code -m -S} gives {@code -m} the argument {@code -S}); a
 * word that is not an option is an image file, which the model does not take.
 *
 * @param options the options in command-line order
 */
public record CommandLine(List<Option> options) {

    /** One option and its argument ({@code null} for flags). */
    public record Option(String name, String argument) {}

    public CommandLine {
        options = List.copyOf(options);
    }

    /**
     * Splits {@code args} into options, or fails with QEMU's message for the first malformed one
     * ({@code -X: invalid option}, {@code -X: requires an argument}).
     */
    public static CommandLine parse(List<String> args) throws CommandLineException {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (!word.startsWith("-") || word.equals("-")) {
                throw new CommandLineException(word + ": a disk image is not modeled; use -device and -blockdev");
            }
            String name = OptionTable.normalise(word);
            if (OptionTable.isFlag(name)) {
                options.add(new Option(name, null));
            } else if (OptionTable.takesArgument(name)) {
                if (i + 1 >= args.size()) {
                    throw new CommandLineException("-" + name + ": requires an argument");
                }
                options.add(new Option(name, args.get(++i)));
            } else {
                throw new CommandLineException("-" + name + ": invalid option");
            }
        }
        return new CommandLine(options);
    }

    /** The option as words of a command line: {@code -NAME}, then its argument if it takes one. */
    static List<String> words(Option option) {
        return option.argument() == null
                ? List.of("-" + option.name())
                : List.of("-" + option.name(), option.argument());
    }

    /** Whether the flag or option appears. */
    public boolean has(String name) {
        return options.stream().anyMatch(o -> o.name().equals(name));
    }

    /** The arguments of every occurrence of {@code name}, in order. */
    public List<String> all(String name) {
        return options.stream()
                .filter(o -> o.name().equals(name))
                .map(Option::argument)
                .toList();
    }

    /** The argument of the last occurrence of {@code name}, which is the one QEMU uses. */
    public Optional<String> last(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
