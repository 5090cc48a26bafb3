package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.QomChecks;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -netdev TYPE,id=ID,...} or its JSON form, as QEMU 7.2 reads it: the ids while the
 * command line is read (a duplicate is refused then), the back end when the machine's back ends
 * are made, before the devices, with {@code netdev_add}'s checks (see {@link io.qapi.machine.net.Netdevs}).
 */
final class NetdevOption {
    private NetdevOption() {}

    /** QEMU's refusal of a second back end with an id already given. */
    static void checkIds(List<String> arguments) throws CommandLineException {
        Set<String> ids = new HashSet<>();
        for (String argument : arguments) {
            String id = items(argument).get("id");
            if (id != null && !ids.add(id)) {
                throw new CommandLineException("-netdev " + argument + ": Duplicate ID '" + id + "' for netdev");
            }
        }
    }

    static void create(VirtualMachine vm, String argument) throws CommandLineException {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        items(argument).forEach((key, value) -> arguments.put(key.equals("driver") ? "type" : key, value));
        try {
            vm.addNetdev(arguments);
        } catch (QmpError e) {
            // on the command line QEMU adds its hint to the refusal of an id
            String hint = e.desc().equals(QomChecks.NOT_AN_IDENTIFIER) ? "\n" + QomChecks.IDENTIFIER_HINT : "";
            throw new CommandLineException("-netdev " + argument + ": " + e.desc() + hint);
        }
    }

    private static Map<String, String> items(String argument) throws CommandLineException {
        try {
            return DeviceOption.items(argument);
        } catch (IllegalArgumentException e) {
            throw new CommandLineException("-netdev " + argument + ": " + e.getMessage());
        }
    }
}
