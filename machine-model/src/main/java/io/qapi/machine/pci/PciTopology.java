package io.qapi.machine.pci;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An immutable PCI hierarchy: buses in QOM child order (the order QEMU's bus search walks) and the
 * devices occupying their slots. Every change returns a new topology.
 *
 * @param buses the buses, parents before their children, in creation order
 * @param devices the devices, in creation order
 * @param nextSerial the serial the next device gets
 */
public record PciTopology(List<PciBus> buses, List<PciDevice> devices, int nextSerial) {

    public PciTopology {
        buses = List.copyOf(buses);
        devices = List.copyOf(devices);
        if (buses.isEmpty()) {
            throw new IllegalArgumentException("a topology needs a root bus");
        }
    }

    /** A topology with just a host's root bus. */
    public static PciTopology withRoot(String name, PciBusKind kind, boolean hotpluggable) {
        return new PciTopology(List.of(PciBus.root(name, kind, hotpluggable)), List.of(), 0);
    }

    /** The i440fx machine ({@code pc}): host bridge at 00.0, PIIX3 at 01.0, IDE 01.1, ACPI 01.3. */
    public static PciTopology i440fx() {
        return withRoot("pci.0", PciBusKind.PCI_ROOT, true)
                .withImplicit("i440FX", "pci.0", 0, 0, false)
                .withImplicit("PIIX3", "pci.0", 1, 0, true)
                .withImplicit("piix3-ide", "pci.0", 1, 1, false)
                .withImplicit("PIIX4_PM", "pci.0", 1, 3, false);
    }

    /** The q35 machine: MCH at 00.0, ICH9 LPC at 1f.0, SATA 1f.2, SMBus 1f.3. */
    public static PciTopology q35() {
        return withRoot("pcie.0", PciBusKind.PCIE_ROOT, false)
                .withImplicit("mch", "pcie.0", 0, 0, false)
                .withImplicit("ICH9-LPC", "pcie.0", 31, 0, true)
                .withImplicit("ich9-ahci", "pcie.0", 31, 2, false)
                .withImplicit("ICH9-SMB", "pcie.0", 31, 3, false);
    }

    /** Adds a device the board creates by itself (no id) at a fixed address. */
    public PciTopology withImplicit(String type, String bus, int slot, int function, boolean multifunction) {
        return withDevice(new PciDevice(type, Optional.empty(), bus, slot, function, multifunction, nextSerial));
    }

    /** This topology with one more device (and optionally its child bus). */
    PciTopology withDevice(PciDevice device, PciBus... childBuses) {
        // one copy each (Stream.toList's lists are kept as they are by the record's List.copyOf)
        List<PciDevice> newDevices =
                Stream.concat(devices.stream(), Stream.of(device)).toList();
        List<PciBus> newBuses = childBuses.length == 0
                ? buses
                : Stream.concat(buses.stream(), Arrays.stream(childBuses)).toList();
        return new PciTopology(newBuses, newDevices, nextSerial + 1);
    }

    /** The bus with that name, if any. */
    public Optional<PciBus> bus(String name) {
        return buses.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The root bus of the host bridge (the first bus). */
    public PciBus rootBus() {
        return buses.get(0);
    }

    /**
     * The root bus of the newest expander bridge, if any: where QEMU puts a device given no
     * {@code bus=}, since it searches the newest host bridge's buses first.
     */
    public Optional<PciBus> newestExpanderRoot() {
        return buses.stream().filter(PciBus::expanderRoot).reduce((first, later) -> later);
    }

    /** The expanders' root buses, newest first, as {@code query-pci} lists them before the host's. */
    public List<PciBus> expanderRoots() {
        List<PciBus> roots =
                new ArrayList<>(buses.stream().filter(PciBus::expanderRoot).toList());
        Collections.reverse(roots);
        return roots;
    }

    /**
     * The buses right below the bus of that name, as QEMU links them to it: the secondary bus of
     * each bridge or port on it and the root bus of each expander on it (not the bus behind a
     * {@code pxb}'s own bridge, which sits on the expander's root bus).
     */
    public List<PciBus> busesBelow(String busName) {
        List<PciBus> below = new ArrayList<>();
        for (PciBus bus : buses) {
            Optional<PciDevice> parent = bus.parentDeviceId().flatMap(this::deviceWithKey);
            boolean behindOwnBridge = parent.isPresent() && parent.get().type().equals("pxb") && !bus.expanderRoot();
            if (parent.isPresent() && parent.get().bus().equals(busName) && !behindOwnBridge) {
                below.add(bus);
            }
        }
        return below;
    }

    /** Whether the bus is an expander bridge's root bus or lies below one. */
    public boolean behindExpander(PciBus bus) {
        if (buses.stream().noneMatch(PciBus::expanderRoot)) {
            return false; // the common case, without a walk up that looks each parent up by key
        }
        PciBus current = bus;
        while (current.parentDeviceId().isPresent()) {
            if (current.expanderRoot()
                    || DeviceOptions.category(current.parentDeviceType().orElseThrow())
                            .expander()) {
                return true;
            }
            Optional<PciDevice> parent = deviceWithKey(current.parentDeviceId().get());
            if (parent.isEmpty()) {
                return false;
            }
            current = bus(parent.get().bus()).orElseThrow();
        }
        return false;
    }

    /** The device with that key (its id, or its serial for one without). */
    public Optional<PciDevice> deviceWithKey(String key) {
        return devices.stream().filter(d -> d.key().equals(key)).findFirst();
    }

    /** The device at that bus/slot/function, if any. */
    public Optional<PciDevice> at(String bus, int slot, int function) {
        for (PciDevice d : devices) {
            if (d.slot() == slot && d.function() == function && d.bus().equals(bus)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The device with that id, if any. */
    public Optional<PciDevice> device(String id) {
        Objects.requireNonNull(id, "id");
        for (PciDevice d : devices) {
            if (d.id().isPresent() && d.id().get().equals(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** This topology without the given device, the buses below it and every device on them. */
    PciTopology without(PciDevice device) {
        List<PciDevice> newDevices = new ArrayList<>(devices);
        List<PciBus> newBuses = new ArrayList<>(buses);
        removeSubtree(device, newDevices, newBuses);
        return new PciTopology(newBuses, newDevices, nextSerial);
    }

    private void removeSubtree(PciDevice device, List<PciDevice> newDevices, List<PciBus> newBuses) {
        newDevices.remove(device);
        for (PciBus child : buses) {
            if (child.parentDeviceId().filter(device.key()::equals).isEmpty()) {
                continue;
            }
            newBuses.remove(child);
            devices.stream()
                    .filter(d -> d.bus().equals(child.name()))
                    .forEach(d -> removeSubtree(d, newDevices, newBuses));
        }
    }
}
