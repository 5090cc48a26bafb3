package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pci.PciBus;
import io.qapi.machine.pci.PciDevice;
import io.qapi.machine.pci.PciMachine;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.pci.PciInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code query-pci}: the PCI buses of the board, as the capture recorded them from the real QEMU
 * for the same machine type and switches, with or without default devices, and the devices added
 * on the root bus, each as the capture recorded its type (see {@code pci-devices.json}) at its
 * address. QEMU lists a bus's functions in address order. Devices behind a bridge are not
 * listed: until firmware numbers the buses (never, in a machine that has not run) a bridge's
 * secondary bus is 0 and QEMU lists nothing behind it. Two switches that both change the PCI
 * functions ({@code usb=on} and {@code smbus=off}) are not captured together, and the board gets
 * an error that says so rather than data that may be wrong.
 *
 * <p>An expander bridge's root bus is listed before the board's, newest first (QEMU keeps its
 * host bridges newest first), numbered {@code bus_nr}, with what the expander brings there as
 * the capture recorded it (a {@code pxb}'s own bridge, with the expander's id) and the devices
 * added on it.
 */
final class PciModule {
    private final VirtualMachine machine;

    PciModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<PciInfo> queryPci() {
        JsonNode captured = machine.parts().capturedReply("query-pci");
        Optional<PciMachine> pci = machine.pci();
        if (pci.isEmpty() || pci.get().added().isEmpty()) {
            return MachineModule.capturedList(captured, PciInfo.DECODER);
        }
        ObjectNode reply = captured.deepCopy();
        for (JsonNode bus : reply.path("return")) {
            if (bus.path("bus").asInt() == 0 && bus.path("devices").isArray()) {
                withAdded(
                        (ArrayNode) bus.path("devices"),
                        pci.get(),
                        pci.get().topology().rootBus());
            }
        }
        if (reply.path("return").isArray()) {
            ArrayNode buses = (ArrayNode) reply.path("return");
            int at = 0;
            for (PciBus expander : pci.get().topology().expanderRoots()) {
                buses.insert(at++, expanderBus(pci.get(), expander));
            }
        }
        return MachineModule.capturedList(reply, PciInfo.DECODER);
    }

    /** An expander's root bus: what the expander brings there, and the devices added on it. */
    private ObjectNode expanderBus(PciMachine pci, PciBus bus) {
        ObjectNode entry = JsonNodeFactory.instance.objectNode().put("bus", bus.number());
        ArrayNode devices = entry.putArray("devices");
        String expanderType = bus.parentDeviceType().orElseThrow();
        String expanderId = pci.topology()
                .deviceWithKey(bus.parentDeviceId().orElseThrow())
                .orElseThrow()
                .id()
                .orElse("");
        for (JsonNode own : machine.parts()
                .pack()
                .pciExpanderBus(pci.family(), expanderType)
                .orElseThrow()) {
            ObjectNode device = own.deepCopy();
            device.put("bus", bus.number());
            device.put("qdev_id", expanderId);
            devices.add(device);
        }
        withAdded(devices, pci, bus);
        return entry;
    }

    private void withAdded(ArrayNode devices, PciMachine pci, PciBus bus) {
        List<JsonNode> all = new ArrayList<>();
        devices.forEach(all::add);
        for (PciMachine.AddedDevice added : pci.added()) {
            PciDevice device = added.device();
            if (!device.bus().equals(bus.name())) {
                continue;
            }
            ObjectNode entry = machine.parts()
                    .pack()
                    .pciDeviceEntry(pci.family(), device.type())
                    .orElseThrow()
                    .deepCopy();
            entry.put("bus", bus.number());
            entry.put("slot", device.slot());
            entry.put("function", device.function());
            entry.put("qdev_id", device.id().orElse(""));
            all.add(entry);
        }
        all.sort(Comparator.comparingInt(
                d -> d.path("slot").asInt() * 8 + d.path("function").asInt()));
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        all.forEach(sorted::add);
        devices.removeAll();
        devices.addAll(sorted);
    }
}
