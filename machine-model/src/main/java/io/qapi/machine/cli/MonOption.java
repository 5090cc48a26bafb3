package io.qapi.machine.cli;

import java.util.Map;
import java.util.Set;

/**
 * {@code -mon chardev=ID[,mode=control][,pretty=on|off][,id=NAME]}: a monitor on a character
 * device made with {@code -chardev}, as libvirt gives QEMU its QMP monitor. Read with QEMU
 * 7.2's keys and messages; the model serves QMP ({@code mode=control}) on a listening unix
 * socket (a {@code path=} or an inherited {@code fd=}), and refuses the human monitor and other
 * back ends as not modeled.
 *
 * @param argument the option as written, for messages
 * @param chardev the character device's id
 * @param control whether it is a QMP monitor ({@code mode=control}) rather than the human one
 * @param pretty whether replies are indented ({@code pretty=on})
 */
record MonOption(String argument, String chardev, boolean control, boolean pretty) {
    private static final Set<String> KEYS = Set.of("mode", "chardev", "pretty", "id");

    static MonOption parse(String argument) throws CommandLineException {
        Map<String, String> options = DeviceOption.parse(argument);
        String first = options.remove("driver");
        if (first != null) {
            throw new CommandLineException("-mon " + argument + ": Invalid parameter '" + first + "'");
        }
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CommandLineException("-mon " + argument + ": Invalid parameter '" + key + "'");
            }
        }
        String pretty = options.getOrDefault("pretty", "off");
        if (OptsFields.bool(pretty).isEmpty()) {
            throw new CommandLineException("-mon " + argument + ": Parameter 'pretty' expects 'on' or 'off'");
        }
        String mode = options.getOrDefault("mode", "readline");
        if (!mode.equals("readline") && !mode.equals("control")) {
            throw new CommandLineException(
                    "-mon " + argument + ": Parameter 'mode' does not accept value '" + mode + "'");
        }
        String chardev = options.get("chardev");
        if (chardev == null) {
            throw new CommandLineException("-mon " + argument + ": Parameter 'chardev' is missing");
        }
        return new MonOption(
                argument,
                chardev,
                mode.equals("control"),
                OptsFields.bool(pretty).get());
    }

    /** The refusal of what the model does not serve, once the monitor's character device is known. */
    void requireModeled(Map<String, String> chardevOptions) throws CommandLineException {
        if (!control) {
            throw new CommandLineException(
                    "-mon " + argument + ": the human monitor (mode=readline) is not modeled by " + QemuModel.PROGRAM);
        }
        if (pretty) {
            throw new CommandLineException("-mon " + argument + ": pretty=on is not modeled by " + QemuModel.PROGRAM);
        }
        boolean listening = "socket".equals(chardevOptions.get("backend"))
                && OptsFields.bool(chardevOptions.getOrDefault("server", "off")).orElse(false)
                && (chardevOptions.containsKey("path") || chardevOptions.containsKey("fd"));
        if (!listening) {
            throw new CommandLineException("-mon " + argument + ": a monitor on anything but a listening unix socket "
                    + "(socket,path=PATH or fd=N,server=on) is not modeled by " + QemuModel.PROGRAM);
        }
    }
}
