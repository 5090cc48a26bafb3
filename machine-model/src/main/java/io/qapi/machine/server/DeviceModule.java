package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.isa.IsaRules;
import io.qapi.machine.pack.TypeCatalog;
import io.qapi.machine.qom.QomChecks;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code device_add}, which the schema leaves unmarshalled ({@code 'gen': false}), and
 * {@code device_del}: the driver checked against the captured device types as QEMU checks it,
 * then a CPU plugged into a free slot or a PCI device placed as QEMU 7.2 places it (the types
 * whose {@code query-pci} entries the pack holds); an ISA device is refused as QEMU refuses it
 * (its bus takes no hotplug). Other devices are refused, saying they are not
 * modeled yet.
 */
final class DeviceModule {
    private static final Set<String> CPU_PROPERTIES =
            Set.of("node-id", "socket-id", "die-id", "cluster-id", "core-id", "thread-id");

    private final VirtualMachine machine;

    DeviceModule(VirtualMachine machine) {
        this.machine = machine;
    }

    JsonNode deviceAdd(ObjectNode arguments) {
        JsonNode driverNode = arguments.get("driver");
        if (driverNode == null) {
            throw QmpError.generic("Parameter 'driver' is missing");
        }
        if (!driverNode.isTextual()) {
            throw QmpError.generic("Invalid parameter type for 'driver', expected: string");
        }
        String driver = driverNode.textValue();
        TypeCatalog types = machine.parts().pack().types();
        QomChecks.requireDeviceType(types, driver);
        Optional<String> id = id(arguments);
        if (IsaRules.MODELED.contains(driver)) {
            // QEMU's ISA buses take no hotplug: refused once the bus is found
            machine.addIsaDevice(driver, options(arguments), types.devicePropertyNames(driver), true);
            return Json.object();
        }
        if (!types.descendsFrom(driver, "cpu")) {
            if (!types.descendsFrom(driver, "pci-device")) {
                throw QmpError.generic("device_add of '" + driver + "' is not modeled by qemu-model yet");
            }
            if (machine.parts().pack().pciDeviceNotHotpluggable(driver)) {
                throw QmpError.generic("Parameter 'driver' expects a pluggable device type");
            }
            machine.addPciDevice(driver, options(arguments), types.devicePropertyNames(driver), true);
            return Json.object();
        }
        machine.plugCpu(driver, cpuProps(driver, arguments), id);
        return Json.object();
    }

    /** The options but the driver, as text: a JSON number or boolean as QEMU prints it. */
    private static Map<String, String> options(ObjectNode arguments) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            if (!option.getKey().equals("driver")) {
                options.put(option.getKey(), option.getValue().asText());
            }
        }
        return options;
    }

    void deviceDel(String id) {
        machine.deletePciDevice(id);
    }

    private static Optional<String> id(ObjectNode arguments) {
        JsonNode id = arguments.get("id");
        if (id == null) {
            return Optional.empty();
        }
        if (!id.isTextual()) {
            throw QmpError.generic("Parameter 'id' expects an identifier");
        }
        QomChecks.requireIdentifier(id.textValue());
        return Optional.of(id.textValue());
    }

    private static CpuProps cpuProps(String driver, ObjectNode arguments) {
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!name.equals("driver") && !name.equals("id") && !CPU_PROPERTIES.contains(name)) {
                throw QmpError.generic("Property '" + driver + "." + name + "' not found");
            }
        }
        return new CpuProps(
                value(arguments, "node-id"),
                value(arguments, "socket-id"),
                value(arguments, "die-id"),
                value(arguments, "cluster-id"),
                value(arguments, "core-id"),
                value(arguments, "thread-id"));
    }

    private static OptionalInt value(ObjectNode arguments, String name) {
        JsonNode value = arguments.get(name);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.canConvertToInt()) {
            throw QmpError.generic("Parameter '" + name + "' expects int32");
        }
        return OptionalInt.of(value.intValue());
    }
}
