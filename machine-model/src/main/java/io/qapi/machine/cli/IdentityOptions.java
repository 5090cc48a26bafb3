package io.qapi.machine.cli;

import io.qapi.machine.vm.Identity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code -name [guest=]NAME[,process=P][,debug-threads=on|off]} and {@code -uuid UUID}, read as
 * QEMU 7.2 reads them. The model has no threads or process title to name, so only the guest
 * name is kept; the other keys are checked and accepted.
 */
final class IdentityOptions {
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private IdentityOptions() {}

    static Identity from(CommandLine commandLine) throws CommandLineException {
        Optional<String> name = Optional.empty();
        for (String argument : commandLine.all("name")) {
            Optional<String> given = name(argument);
            if (given.isPresent()) {
                name = given; // QEMU merges repeated -name options, a later key winning
            }
        }
        String uuid = Identity.NO_UUID;
        for (String argument : commandLine.all("uuid")) {
            if (!UUID.matcher(argument).matches()) {
                throw new CommandLineException("-uuid " + argument + ": failed to parse UUID string: wrong format");
            }
            uuid = argument.toLowerCase(Locale.ROOT);
        }
        return new Identity(name, uuid);
    }

    private static Optional<String> name(String argument) throws CommandLineException {
        Optional<String> guest = Optional.empty();
        String[] items = argument.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            int eq = item.indexOf('=');
            if (eq < 0 && i == 0) {
                guest = Optional.of(item);
                continue;
            }
            String key = eq < 0 ? item : item.substring(0, eq);
            String value = eq < 0 ? "on" : item.substring(eq + 1);
            switch (key) {
                case "guest" -> guest = Optional.of(value);
                case "process" -> {}
                case "debug-threads" -> {
                    if (!value.equals("on") && !value.equals("off")) {
                        throw new CommandLineException(
                                "-name " + argument + ": Parameter 'debug-threads' expects 'on' or 'off'");
                    }
                }
                default -> throw new CommandLineException("-name " + argument + ": Invalid parameter '" + key + "'");
            }
        }
        return guest;
    }
}
