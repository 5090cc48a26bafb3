package io.qapi.machine.pci;

import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.BusKind;
import io.qapi.schema.hardware.DeviceDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A machine's PCI side: the board's root bus with what the board put on it, and the devices
 * added since ({@code -device}, {@code device_add}), each with its QOM path. Immutable: adding a
 * device gives a new value, so a refused one changes nothing.
 *
 * @param family   the board family whose captured device entries apply ({@code pc}, {@code q35},
 *                 {@code virt})
 * @param rootPath the QOM path of the root bus ({@code /machine/i440fx/pci.0})
 * @param topology the buses and every device on them, the board's included
 * @param added    the devices added, in the order they were added
 * @param unattachedDevices how many {@code /machine/unattached/device[N]} the board has before
 *     any device is added (where QEMU puts an expander's host bridge and a {@code pxb}'s own
 *     bridge), -1 when not known
 */
public record PciMachine(
        String family, String rootPath, PciTopology topology, List<AddedDevice> added, int unattachedDevices) {

    public PciMachine {
        added = List.copyOf(added);
    }

    /**
     * A device that was added.
     *
     * @param path       its QOM path ({@code /machine/peripheral/ID} or
     *                   {@code /machine/peripheral-anon/device[N]})
     * @param device     where it sits
     * @param properties the properties given, as written
     * @param hotplugged  whether it came with {@code device_add} rather than with the machine
     */
    public record AddedDevice(String path, PciDevice device, Map<String, String> properties, boolean hotplugged) {
        public AddedDevice {
            properties = Map.copyOf(properties);
        }
    }

    /**
     * The PCI side of a board, from its device tree: the first PCI or PCIe bus below the system
     * bus is the root bus, and its devices are the board's. Empty for a board without PCI
     * (isapc, microvm) or one whose family the captured device entries do not cover.
     */
    public static Optional<PciMachine> of(BusDescription system) {
        Optional<HostBus> root = rootBus(system);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        BusDescription bus = root.get().bus();
        // the family is the host bridge's: q35's and virt's root buses are both "pcie.0"
        String family = switch (root.get().hostType()) {
            case "i440FX-pcihost" -> "pc";
            case "q35-pcihost" -> "q35";
            case "gpex-pcihost" -> "virt";
            default -> null;
        };
        if (family == null) {
            return Optional.empty();
        }
        PciTopology topology = PciTopology.withRoot(
                bus.name(),
                bus.kind() == BusKind.PCIE ? PciBusKind.PCIE_ROOT : PciBusKind.PCI_ROOT,
                bus.hotpluggable());
        List<int[]> addresses = new ArrayList<>();
        // keyed by the very arrays in addresses, which the sort below keeps
        IdentityHashMap<int[], DeviceDescription> byAddress = new IdentityHashMap<>();
        for (DeviceDescription device : bus.devices()) {
            device.address().ifPresent(address -> {
                int[] at = parse(address);
                addresses.add(at);
                byAddress.put(at, device);
            });
        }
        addresses.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
        for (int[] at : addresses) {
            boolean otherFunctions = addresses.stream().anyMatch(a -> a[0] == at[0] && a[1] != at[1]);
            topology = topology.withImplicit(
                    byAddress.get(at).type(), bus.name(), at[0], at[1], at[1] == 0 && otherFunctions);
        }
        return Optional.of(new PciMachine(family, bus.path(), topology, List.of(), -1));
    }

    /** A PCI root bus and the QOM type of the host bridge that provides it. */
    private record HostBus(String hostType, BusDescription bus) {}

    private static Optional<HostBus> rootBus(BusDescription bus) {
        for (DeviceDescription device : bus.devices()) {
            for (BusDescription child : device.buses()) {
                if (child.kind() == BusKind.PCI || child.kind() == BusKind.PCIE) {
                    return Optional.of(new HostBus(device.type(), child));
                }
                Optional<HostBus> found = rootBus(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** "1f.2" → {31, 2}. */
    private static int[] parse(String address) {
        int dot = address.indexOf('.');
        return new int[] {
            Integer.parseInt(address.substring(0, dot), 16), Integer.parseInt(address.substring(dot + 1), 16)
        };
    }

    /** Where QEMU names a device and sets its properties: gives its path and kept properties. */
    @FunctionalInterface
    public interface Naming {
        Named name() throws PlacementException;
    }

    /** What naming gives a device: its QOM path and the properties kept from its options. */
    public record Named(String path, Map<String, String> properties) {}

    /**
     * This machine with one more device, placed as QEMU would place it, or QEMU's refusal;
     * {@code naming} runs where QEMU gives the device its id and sets its properties.
     */
    public PciMachine with(DeviceRequest request, Naming naming) throws PlacementException {
        return with(request, 0, naming);
    }

    /**
     * As {@link #with(DeviceRequest, Naming)}, on a machine with {@code numaNodes} NUMA nodes
     * (which an expander bridge's {@code numa_node} must name).
     */
    public PciMachine with(DeviceRequest request, int numaNodes, Naming naming) throws PlacementException {
        Named[] named = new Named[1];
        PciPlacement.Placed placed = PciPlacement.place(topology, request, numaNodes, () -> named[0] = naming.name());
        // one copy (Stream.toList's list is kept as it is by the record's List.copyOf)
        List<AddedDevice> more = Stream.concat(
                        added.stream(),
                        Stream.of(new AddedDevice(
                                named[0].path(), placed.device(), named[0].properties(), request.hotplug())))
                .toList();
        return new PciMachine(family, rootPath, placed.topology(), more, unattachedDevices);
    }

    /**
     * Whether {@code device_del} of this added device removes it at once, with no guest asked:
     * on a family whose root ports QEMU powers off when they are empty at reset (PCIe native
     * hotplug, {@code virt}), a device hot-added behind a port that no device of the machine's
     * start was behind sits in a slot that is still off. Measured on QEMU 7.2: such a device is
     * gone when {@code device_del} returns, without {@code DEVICE_DELETED}; on {@code q35}, where
     * ACPI handles the ports' hotplug, it stays until a guest answers.
     *
     * @param atOnceFamily whether the family is one that unplugs from a powered-off slot at once
     */
    public boolean unpluggedAtOnce(AddedDevice device, boolean atOnceFamily) {
        if (!atOnceFamily || !device.hotplugged()) {
            return false;
        }
        Optional<PciBus> bus = busOf(device.device());
        if (bus.isEmpty() || bus.get().kind() != PciBusKind.PCIE_PORT) {
            return false;
        }
        // a port with a device from the start was powered on at reset, and stays on
        return added.stream()
                .noneMatch(other -> !other.hotplugged()
                        && other.device().bus().equals(bus.get().name()));
    }

    /**
     * This machine without the added device with that id, the buses it opened and what was on
     * them, as QEMU leaves it once the device is unplugged; the devices that went, in the order
     * they were added.
     */
    public Removal without(String id) throws PlacementException {
        PciTopology after = PciPlacement.remove(topology, id);
        List<AddedDevice> kept = new ArrayList<>();
        List<AddedDevice> gone = new ArrayList<>();
        for (AddedDevice device : added) {
            (after.deviceWithKey(device.device().key()).isPresent() ? kept : gone).add(device);
        }
        return new Removal(new PciMachine(family, rootPath, after, kept, unattachedDevices), gone);
    }

    /** What {@link #without(String)} gives: the machine after, and the devices that went. */
    public record Removal(PciMachine machine, List<AddedDevice> removed) {
        public Removal {
            removed = List.copyOf(removed);
        }
    }

    /** The added device with this QOM path, if any. */
    public Optional<AddedDevice> added(String path) {
        return added.stream().filter(d -> d.path().equals(path)).findFirst();
    }

    /** The added device with this id, if any. */
    public Optional<AddedDevice> addedWithId(String id) {
        return added.stream()
                .filter(d -> d.device().id().filter(id::equals).isPresent())
                .findFirst();
    }

    /** This machine, whose board has that many {@code /machine/unattached/device[N]} (-1: not known). */
    public PciMachine withUnattachedDevices(int count) {
        return new PciMachine(family, rootPath, topology, added, count);
    }

    /**
     * The QOM path of the bus a device sits on: the root bus, the bus a bridge opened, or one an
     * expander opened; empty when the model does not know it (an expander's on a board whose
     * {@code /machine/unattached} was not captured).
     */
    public Optional<String> busPath(PciDevice device) {
        if (device.bus().equals(topology.rootBus().name())) {
            return Optional.of(rootPath);
        }
        PciBus bus = topology.bus(device.bus()).orElseThrow();
        return busPath(bus);
    }

    /** The QOM path of a bus that a device added opened. */
    public Optional<String> busPath(PciBus bus) {
        String parentKey = bus.parentDeviceId().orElseThrow();
        AddedDevice parent = added.stream()
                .filter(d -> d.device().key().equals(parentKey))
                .findFirst()
                .orElseThrow();
        if (!DeviceOptions.category(parent.device().type()).expander()) {
            return Optional.of(parent.path() + "/" + bus.name());
        }
        if (unattachedDevices < 0) {
            return Optional.empty();
        }
        // QEMU makes each expander's host bridge, then a pxb's own bridge, in /machine/unattached
        int host = unattachedDevices;
        for (AddedDevice earlier : added) {
            if (earlier.equals(parent)) {
                break;
            }
            host += switch (DeviceOptions.category(earlier.device().type())) {
                case PXB -> 2;
                case PXB_PCIE -> 1;
                default -> 0;
            };
        }
        boolean behindOwnBridge = bus.kind() == PciBusKind.PCI_BRIDGE;
        return Optional.of("/machine/unattached/device[" + (behindOwnBridge ? host + 1 : host) + "]/" + bus.name());
    }

    /** The bus {@code device} sits on (whose hotplug says whether it may be added or removed). */
    public Optional<PciBus> busOf(PciDevice device) {
        return topology.bus(device.bus());
    }
}
