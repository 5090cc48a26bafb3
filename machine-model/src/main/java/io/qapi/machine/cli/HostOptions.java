package io.qapi.machine.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options that set up the host process rather than the machine the model shows:
 * {@code -overcommit}, {@code -rtc}, {@code -boot}, {@code -sandbox} and {@code -msg}. The
 * model runs no guest, locks no memory and installs no seccomp filter, so it reads each as
 * QEMU 7.2 reads it (its keys, its booleans, its few enumerated values, with QEMU's messages)
 * and then has nothing more to do with it. libvirt passes all of them to every domain.
 */
final class HostOptions {
    /** An option read as a QEMU option list: its keys, which of them are booleans, and the key an implied first value has. */
    private record OptsList(Set<String> keys, Set<String> booleans, String implied) {}

    private static final Map<String, OptsList> LISTS = Map.of(
            "overcommit", new OptsList(Set.of("mem-lock", "cpu-pm"), Set.of("mem-lock", "cpu-pm"), ""),
            "rtc", new OptsList(Set.of("base", "clock", "driftfix"), Set.of(), ""),
            "sandbox",
                    new OptsList(
                            Set.of("enable", "obsolete", "elevateprivileges", "spawn", "resourcecontrol"),
                            Set.of("enable"),
                            "enable"),
            "msg", new OptsList(Set.of("timestamp", "guest-name"), Set.of("timestamp", "guest-name"), ""));

    /** {@code -boot}'s keys, which QEMU 7.2 reads with the machine's {@code boot} property. */
    private static final Set<String> BOOT_KEYS =
            Set.of("order", "once", "menu", "splash", "splash-time", "reboot-timeout", "strict");

    private static final Set<String> BOOT_BOOLEANS = Set.of("menu", "strict");

    private HostOptions() {}

    /** Reads every one of these options on {@code commandLine}, in its order, refusing as QEMU refuses. */
    static void check(CommandLine commandLine) throws CommandLineException {
        for (CommandLine.Option option : commandLine.options()) {
            String name = option.name();
            if (LISTS.containsKey(name)) {
                Map<String, String> values = optsList(name, option.argument(), LISTS.get(name));
                if (name.equals("rtc")) {
                    rtc(values);
                }
            } else if (name.equals("boot")) {
                boot(option.argument());
            }
        }
    }

    private static Map<String, String> optsList(String name, String argument, OptsList list)
            throws CommandLineException {
        Map<String, String> values = keys(name, argument, list.implied());
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (!list.keys().contains(value.getKey())) {
                throw new CommandLineException(
                        "-" + name + " " + argument + ": Invalid parameter '" + value.getKey() + "'");
            }
            if (list.booleans().contains(value.getKey())
                    && OptsFields.bool(value.getValue()).isEmpty()) {
                throw new CommandLineException(
                        "-" + name + " " + argument + ": Parameter '" + value.getKey() + "' expects 'on' or 'off'");
            }
        }
        return values;
    }

    /** QEMU's messages for {@code -rtc}'s values, which it checks when it configures the clock. */
    private static void rtc(Map<String, String> values) throws CommandLineException {
        String base = values.get("base");
        if (base != null
                && !base.equals("utc")
                && !base.equals("localtime")
                && !base.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2})?")) {
            throw new CommandLineException(
                    "invalid datetime format\nvalid formats: '2006-06-17T16:01:21' or " + "'2006-06-17'");
        }
        for (Map.Entry<String, List<String>> key : Map.of(
                        "clock", List.of("host", "rt", "vm"), "driftfix", List.of("none", "slew"))
                .entrySet()) {
            String value = values.get(key.getKey());
            if (value != null && !key.getValue().contains(value)) {
                throw new CommandLineException("invalid option value '" + value + "'");
            }
        }
    }

    /** {@code -boot}: read into the machine's {@code boot} property, so its messages name {@code boot.KEY}. */
    private static void boot(String argument) throws CommandLineException {
        Map<String, String> values = keys("boot", argument, "order");
        for (Map.Entry<String, String> value : values.entrySet()) {
            String key = value.getKey();
            if (!BOOT_KEYS.contains(key)) {
                throw new CommandLineException("Parameter 'boot." + key + "' is unexpected");
            }
            if (BOOT_BOOLEANS.contains(key) && OptsFields.bool(value.getValue()).isEmpty()) {
                throw new CommandLineException("Parameter 'boot." + key + "' expects 'on' or 'off'");
            }
        }
        for (String key : List.of("order", "once")) {
            String devices = values.getOrDefault(key, "");
            for (int i = 0; i < devices.length(); i++) {
                char device = devices.charAt(i);
                // QEMU's boot devices are the drive letters a to p
                if (device < 'a' || device > 'p') {
                    throw new CommandLineException("Invalid boot device '" + device + "'");
                }
            }
        }
    }

    /** The option's items as QEMU's option syntax splits them; a first item without '=' is {@code implied}'s value. */
    private static Map<String, String> keys(String name, String argument, String implied) throws CommandLineException {
        Map<String, String> values = DeviceOption.parse(argument);
        String first = values.remove("driver");
        if (first != null) {
            if (implied.isEmpty()) {
                throw new CommandLineException("-" + name + " " + argument + ": Invalid parameter '" + first + "'");
            }
            values.put(implied, first);
        }
        return values;
    }
}
