package io.qapi.machine.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -audiodev DRIVER,id=ID} or its JSON form: an audio back end. QMP shows none in QEMU
 * 7.2, and the {@code none} driver opens nothing, so the model checks it as QEMU does and keeps
 * nothing; a back end that would use the host's sound system, or any of a back end's own
 * options, is refused as not modeled.
 */
final class AudiodevOption {
    /** QEMU 7.2's audio drivers (its {@code AudiodevDriver}). */
    private static final Set<String> DRIVERS =
            Set.of("none", "alsa", "coreaudio", "dbus", "dsound", "jack", "oss", "pa", "sdl", "spice", "wav");

    private AudiodevOption() {}

    static void check(List<String> arguments) throws CommandLineException {
        for (String argument : arguments) {
            check(argument);
        }
    }

    private static void check(String argument) throws CommandLineException {
        Map<String, String> items;
        try {
            items = DeviceOption.items(argument);
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-audiodev " + argument + ": " + e.getMessage());
        }
        String prefix = "-audiodev " + argument + ": ";
        if (!items.containsKey("id")) {
            throw new CommandLineException(prefix + "Parameter 'id' is missing");
        }
        String driver = items.get("driver");
        if (driver == null) {
            throw new CommandLineException(prefix + "Parameter 'driver' is missing");
        }
        if (!DRIVERS.contains(driver)) {
            throw new CommandLineException(prefix + "Parameter 'driver' does not accept value '" + driver + "'");
        }
        for (String key : items.keySet()) {
            if (!key.equals("id") && !key.equals("driver")) {
                throw new CommandLineException(
                        prefix + "audiodev option '" + key + "' is not modeled by " + QemuModel.PROGRAM);
            }
        }
        if (!driver.equals("none")) {
            throw new CommandLineException(
                    prefix + "audio driver '" + driver + "' is not modeled by " + QemuModel.PROGRAM);
        }
    }
}
