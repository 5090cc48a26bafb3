package io.qapi.machine.cli;

import io.qapi.machine.isa.IsaRules;
import io.qapi.machine.pack.TypeCatalog;
import io.qapi.machine.qom.QomChecks;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code -device TYPE,key=value,...} as QEMU 7.2 reads it (its option syntax: {@code ,,} for a
 * comma inside a value, the first item naming the driver) and plugs it while the machine is
 * created: the PCI device types the model places, and the ISA ones it adds. QEMU's refusals are printed with the option
 * as written, as QEMU prints them.
 */
final class DeviceOption {
    private DeviceOption() {}

    static void plug(VirtualMachine vm, String argument) throws CommandLineException {
        Map<String, String> options;
        try {
            options = items(argument);
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-device " + argument + ": " + e.getMessage());
        }
        String driver = options.remove("driver");
        if (driver == null) {
            throw new CommandLineException("-device " + argument + ": Parameter 'driver' is missing");
        }
        TypeCatalog types = vm.parts().pack().types();
        try {
            String id = options.get("id");
            if (id != null) {
                QomChecks.requireIdentifier(id);
            }
            QomChecks.requireDeviceType(types, driver);
            if (IsaRules.MODELED.contains(driver)) {
                vm.addIsaDevice(driver, options, types.devicePropertyNames(driver), false);
                return;
            }
            if (!types.descendsFrom(driver, "pci-device")) {
                throw QmpError.generic("device type '" + driver + "' is not modeled by " + QemuModel.PROGRAM + " yet");
            }
            vm.addPciDevice(driver, options, types.devicePropertyNames(driver), false);
        } catch (QmpError e) {
            throw new CommandLineException("-device " + argument + ": " + e.desc());
        }
    }

    /** The driver an option names (its first item), as QEMU reads it before it builds the board. */
    static String driver(String argument) {
        try {
            return items(argument).getOrDefault("driver", "");
        } catch (IllegalArgumentException e) {
            return ""; // refused with QEMU's message when the device is plugged
        }
    }

    /**
     * A {@code -device}'s items: its JSON form (a JSON object, as libvirt writes it), or QEMU's
     * option syntax.
     *
     * @throws IllegalArgumentException when the JSON form is not a JSON object
     */
    static Map<String, String> items(String argument) {
        return argument.startsWith("{") ? JsonOption.items(argument) : parse(argument);
    }

    /** QEMU's option syntax: items split at single commas; the first, without '=', is the driver. */
    static Map<String, String> parse(String argument) {
        Map<String, String> options = new LinkedHashMap<>();
        StringBuilder item = new StringBuilder();
        boolean first = true;
        for (int i = 0; i <= argument.length(); i++) {
            char c = i < argument.length() ? argument.charAt(i) : ',';
            if (c == ',' && i + 1 < argument.length() && argument.charAt(i + 1) == ',') {
                item.append(',');
                i++;
                continue;
            }
            if (c != ',') {
                item.append(c);
                continue;
            }
            String text = item.toString();
            item.setLength(0);
            int eq = text.indexOf('=');
            if (first && eq < 0) {
                options.put("driver", text);
            } else if (eq < 0) {
                options.put(text, "on");
            } else {
                options.put(text.substring(0, eq), text.substring(eq + 1));
            }
            first = false;
        }
        return options;
    }
}
