package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.CpuTopology;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.QmpError;
import io.qapi.schema.qom.ObjectPropertyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of the QOM tree the model serves so far: {@code qom-list} of the containers that
 * hold the devices added with {@code device_add} ({@code /machine/peripheral} for those with an
 * id, {@code /machine/peripheral-anon} for the others), and {@code qom-get} of the machine's
 * {@code smp} and of those devices' {@code type}. The rest of the tree is refused with an error
 * that says it is not modeled yet.
 */
final class QomModule {
    private static final String PERIPHERAL = "/machine/peripheral";
    private static final String ANONYMOUS = "/machine/peripheral-anon";

    private final VirtualMachine machine;

    QomModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<ObjectPropertyInfo> qomList(String path) {
        if (!path.equals(PERIPHERAL) && !path.equals(ANONYMOUS)) {
            throw QmpError.generic("qom-list of '" + path + "' is not modeled by qemu-model yet");
        }
        List<ObjectPropertyInfo> properties = new ArrayList<>();
        properties.add(property("type", "string"));
        for (Map.Entry<String, String> device : machine.addedDevices().entrySet()) {
            String parent = device.getKey().substring(0, device.getKey().lastIndexOf('/'));
            if (parent.equals(path)) {
                properties.add(property(device.getKey().substring(parent.length() + 1),
                        "child<" + device.getValue() + ">"));
            }
        }
        return properties;
    }

    /**
     * {@code qom-get} of the machine's {@code smp} property (the topology {@code -smp} gave, every
     * count filled in) and of the {@code type} of a device added with {@code device_add}.
     */
    JsonNode qomGet(String path, String property) {
        if (path.equals("/machine") && property.equals("smp")) {
            CpuTopology topology = machine.parts().slots().map(CpuSlots::topology).orElseThrow(() -> QmpError.generic(
                    "qom-get of /machine smp on this machine type is not modeled by qemu-model yet"));
            ObjectNode smp = JsonNodeFactory.instance.objectNode();
            topology.smpProperty().forEach(smp::put);
            return smp;
        }
        String type = machine.addedDevices().get(path);
        if (type != null && property.equals("type")) {
            return JsonNodeFactory.instance.textNode(type);
        }
        throw QmpError.generic("qom-get of '" + path + "' property '" + property + "' is not modeled by qemu-model yet");
    }

    private static ObjectPropertyInfo property(String name, String type) {
        return new ObjectPropertyInfo(name, type, Optional.empty(), Optional.empty());
    }
}
