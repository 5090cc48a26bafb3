package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.MachineFacts;
import io.qapi.schema.hardware.RootBusKind;
import io.qapi.schema.hardware.StorageControllerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts management software otherwise hard-codes per machine type, each read off the boards
 * QEMU built (with {@code -nodefaults}, and without it for what the defaults add), one rule per
 * fact. None of them names a machine type: a board answers by what it has.
 */
public final class MachineFactsRules {
    /** PCI base classes (the high byte of {@code query-pci}'s {@code class}). */
    private static final int NETWORK_CLASS = 0x02;

    private static final int DISPLAY_CLASS = 0x03;

    private MachineFactsRules() {}

    /**
     * The facts of a machine type from its bare board, its board with defaults and the PCI class
     * of the device types on that board (see {@link #pciClassesByType}).
     */
    public static MachineFacts facts(BoardTree bare, BoardTree withDefaults, Map<String, Integer> classes) {
        List<DeviceDescription> bareDevices = devices(bare.root());
        List<DeviceDescription> added = added(bareDevices, devices(withDefaults.root()));
        boolean fdc = has(bareDevices, "isa-fdc");
        RootBusKind rootBus = rootBus(bare.root());
        return MachineFacts.builder()
                .rootBus(rootBus)
                .storageController(storageController(bareDevices))
                .floppyController(fdc)
                .floppyNeedsDevice(!fdc && hasBus(bare.root(), BusKind.ISA))
                .defaultNic(firstOfClass(added, classes, NETWORK_CLASS).orElse(null))
                .defaultDisplay(firstOfClass(added, classes, DISPLAY_CLASS).orElse(null))
                .pciMultiBus(rootBus != RootBusKind.NONE)
                .vmport(has(bareDevices, "vmport"))
                .build();
    }

    /** {@code facts} with the default NIC and display of {@code defaultsFrom}. */
    public static MachineFacts withDefaultsOf(MachineFacts facts, MachineFacts defaultsFrom) {
        return MachineFacts.builder()
                .rootBus(facts.rootBus())
                .storageController(facts.storageController())
                .floppyController(facts.floppyController())
                .floppyNeedsDevice(facts.floppyNeedsDevice())
                .defaultNic(defaultsFrom.defaultNic().orElse(null))
                .defaultDisplay(defaultsFrom.defaultDisplay().orElse(null))
                .pciMultiBus(facts.pciMultiBus())
                .vmport(facts.vmport())
                .build();
    }

    /**
     * The kind of the bus a host bridge on the system bus provides: PCI Express for a PCIe
     * root complex, conventional PCI, or none for a board without PCI.
     */
    static RootBusKind rootBus(BusDescription system) {
        for (DeviceDescription bridge : system.devices()) {
            for (BusDescription bus : bridge.buses()) {
                if (bus.kind() == BusKind.PCIE) {
                    return RootBusKind.PCIE;
                }
                if (bus.kind() == BusKind.PCI) {
                    return RootBusKind.PCI;
                }
            }
        }
        return RootBusKind.NONE;
    }

    /**
     * The built-in disk controller: the board device that provides IDE buses, AHCI when its
     * type says so (the Q35 ICH9 SATA function), plain IDE otherwise (the i440FX PIIX IDE).
     */
    static StorageControllerKind storageController(List<DeviceDescription> devices) {
        for (DeviceDescription device : devices) {
            if (device.buses().stream().anyMatch(b -> b.kind() == BusKind.IDE)) {
                return device.type().contains("ahci") ? StorageControllerKind.AHCI : StorageControllerKind.IDE;
            }
        }
        return StorageControllerKind.NONE;
    }

    /**
     * The first device the defaults add whose PCI class is {@code baseClass}: the default NIC
     * (network) or display. A non-PCI default (an ISA NIC) has no PCI class and is not named.
     */
    static Optional<String> firstOfClass(List<DeviceDescription> added, Map<String, Integer> classes, int baseClass) {
        for (DeviceDescription device : added) {
            Integer pciClass = classes.get(device.type());
            if (pciClass != null && pciClass >> 8 == baseClass) {
                return Optional.of(device.type());
            }
        }
        return Optional.empty();
    }

    /**
     * The PCI class of each device type on bus 0 of {@code board}, read from the board's
     * {@code query-pci} reply by the device's address.
     */
    public static Map<String, Integer> pciClassesByType(BoardTree board, JsonNode queryPci) {
        Map<String, Integer> classes = new HashMap<>();
        for (JsonNode bus : queryPci.path("return")) {
            if (bus.path("bus").asInt() != 0) {
                continue;
            }
            for (JsonNode function : bus.path("devices")) {
                classes.put(
                        BoardTree.Addresses.pci(
                                function.path("slot").asInt(),
                                function.path("function").asInt()),
                        function.path("class_info").path("class").asInt());
            }
        }
        Map<String, Integer> byType = new HashMap<>();
        for (DeviceDescription device : devices(board.root())) {
            device.address().map(classes::get).ifPresent(c -> byType.putIfAbsent(device.type(), c));
        }
        return byType;
    }

    /** Every device of the tree under {@code bus}, depth first. */
    static List<DeviceDescription> devices(BusDescription bus) {
        List<DeviceDescription> out = new ArrayList<>();
        for (DeviceDescription device : bus.devices()) {
            out.add(device);
            device.buses().forEach(child -> out.addAll(devices(child)));
        }
        return out;
    }

    /** The devices of {@code with} that {@code without} lacks, matched by path and type. */
    private static List<DeviceDescription> added(List<DeviceDescription> without, List<DeviceDescription> with) {
        Set<String> known = new HashSet<>();
        without.forEach(d -> known.add(d.path() + " " + d.type()));
        return with.stream()
                .filter(d -> !known.contains(d.path() + " " + d.type()))
                .toList();
    }

    private static boolean has(List<DeviceDescription> devices, String type) {
        return devices.stream().anyMatch(d -> d.type().equals(type));
    }

    private static boolean hasBus(BusDescription bus, BusKind kind) {
        if (bus.kind() == kind) {
            return true;
        }
        return bus.devices().stream().flatMap(d -> d.buses().stream()).anyMatch(b -> hasBus(b, kind));
    }
}
