package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.QmpError;
import io.qapi.schema.qom.ObjectPropertyInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code qom-list} of the containers that hold the devices added with {@code device_add}
 * ({@code /machine/peripheral} for those with an id, {@code /machine/peripheral-anon} for the
 * others): their {@code type} property and a child per device. The rest of the QOM tree is not
 * served yet, and is refused with an error that says so.
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

    private static ObjectPropertyInfo property(String name, String type) {
        return new ObjectPropertyInfo(name, type, Optional.empty(), Optional.empty());
    }
}
