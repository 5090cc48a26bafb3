package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A captured board (its devices and buses, as the capture walked them from QEMU's QOM tree) as a
 * tree: the main system bus, its devices, the buses they provide, and so on down. Devices on no
 * bus (the CPUs and what they hold) are listed apart.
 *
 * @param root       the main system bus
 * @param unattached the devices on no bus, in path order
 */
public record BoardTree(BusDescription root, List<DeviceDescription> unattached) {
    /** The QOM type of the bus every board has, and whose path the tree starts from. */
    static final String SYSTEM_BUS = "System";

    public BoardTree {
        unattached = List.copyOf(unattached);
    }

    /**
     * Builds the tree from a captured {@code hardware} record ({@code devices} and
     * {@code buses}); empty when the record has no system bus (a board the capture did not walk).
     */
    public static Optional<BoardTree> of(JsonNode hardware) {
        Map<String, JsonNode> devices = new HashMap<>();
        List<JsonNode> unattached = new ArrayList<>();
        for (JsonNode device : hardware.path("devices")) {
            devices.put(device.path("path").asText(), device);
            if (!device.has("bus")) {
                unattached.add(device);
            }
        }
        Map<String, List<JsonNode>> busesOf = new HashMap<>();
        JsonNode system = null;
        for (JsonNode bus : hardware.path("buses")) {
            String path = bus.path("path").asText();
            busesOf.computeIfAbsent(parent(path), k -> new ArrayList<>()).add(bus);
            if (system == null && bus.path("type").asText().equals(SYSTEM_BUS)) {
                system = bus;
            }
        }
        if (system == null) {
            return Optional.empty();
        }
        Builder builder = new Builder(devices, busesOf);
        List<DeviceDescription> loose = new ArrayList<>();
        unattached.forEach(d -> loose.add(builder.device(d)));
        return Optional.of(new BoardTree(builder.bus(system), loose));
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    /** Turns captured records into descriptions, bus by bus. */
    private record Builder(Map<String, JsonNode> devices, Map<String, List<JsonNode>> busesOf) {
        BusDescription bus(JsonNode bus) {
            String path = bus.path("path").asText();
            List<DeviceDescription> members = new ArrayList<>();
            for (JsonNode member : bus.path("devices")) {
                JsonNode device = devices.get(member.asText());
                if (device != null) {
                    members.add(device(device));
                }
            }
            String type = bus.path("type").asText();
            return new BusDescription(
                    path.substring(path.lastIndexOf('/') + 1),
                    path,
                    type,
                    BusKinds.of(type),
                    bus.path("hotpluggable").asBoolean(),
                    members);
        }

        DeviceDescription device(JsonNode device) {
            String path = device.path("path").asText();
            List<BusDescription> buses = new ArrayList<>();
            for (JsonNode bus : busesOf.getOrDefault(path, List.of())) {
                buses.add(bus(bus));
            }
            return DeviceDescription.builder()
                    .path(path)
                    .type(device.path("type").asText())
                    .address(Addresses.of(device))
                    .implicit(true)
                    .buses(buses)
                    .build();
        }
    }

    /** The kind of a bus, from its QOM type. */
    static final class BusKinds {
        private static final Map<String, BusKind> BY_TYPE = Map.ofEntries(
                Map.entry(SYSTEM_BUS, BusKind.SYSTEM),
                Map.entry("PCI", BusKind.PCI),
                Map.entry("PCIE", BusKind.PCIE),
                Map.entry("ISA", BusKind.ISA),
                Map.entry("IDE", BusKind.IDE),
                Map.entry("i2c-bus", BusKind.I2C),
                Map.entry("usb-bus", BusKind.USB),
                Map.entry("SCSI", BusKind.SCSI),
                Map.entry("virtio-pci-bus", BusKind.VIRTIO),
                Map.entry("virtio-mmio-bus", BusKind.VIRTIO),
                Map.entry("virtio-serial-bus", BusKind.VIRTIO_SERIAL),
                Map.entry("HDA", BusKind.HDA));

        private BusKinds() {}

        static BusKind of(String qomType) {
            return BY_TYPE.getOrDefault(qomType, BusKind.OTHER);
        }
    }

    /** Where a device sits on its bus, written as QEMU writes it in {@code info qtree}. */
    static final class Addresses {
        private Addresses() {}

        /** A PCI function's address: "SLOT.FUNCTION" in hexadecimal ("1f.2"). */
        static String pci(int slot, int function) {
            return String.format("%02x.%x", slot, function);
        }

        static String of(JsonNode device) {
            if (device.path("addr").isIntegralNumber()) {
                int devfn = device.path("addr").asInt();
                return pci(devfn >> 3, devfn & 7);
            }
            if (device.path("iobase").isIntegralNumber()) {
                return "0x" + Long.toHexString(device.path("iobase").asLong());
            }
            if (device.path("address").isIntegralNumber()) {
                return "0x" + Long.toHexString(device.path("address").asLong());
            }
            return null;
        }
    }
}
