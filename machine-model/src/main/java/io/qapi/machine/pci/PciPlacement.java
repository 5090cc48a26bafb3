package io.qapi.machine.pci;

import java.util.Locale;
import java.util.Optional;

/**
 * QEMU 7.2's rules for where a PCI device goes, and the errors it gives when it cannot.
 *
 * <p>The checks run in QEMU's order: find the bus ({@code bus=} by name, else the first PCI bus
 * in QOM order: the root bus of the newest expander bridge, whose host QEMU puts before the
 * others, or else the host's root bus, since a PCI bus is never "full"), refuse a hotplug
 * onto a bus without hotplug, refuse a duplicate id, parse {@code addr}, then register the device
 * (bridges-only expander buses, slot search or explicit address, function 0 rules for hotplug),
 * then the multifunction consistency of the slot, then the standard hotplug controller's slot range
 * on a {@code pci-bridge} bus, then what an expander bridge checks as it opens its root bus
 * ({@link ExpanderRules}).
 */
public final class PciPlacement {
    private PciPlacement() {}

    /** Where a device went, and the topology that now contains it. */
    public record Placed(PciTopology topology, PciDevice device) {}

    /** Places the device, or explains with QEMU's text why it cannot be placed. */
    public static Placed place(PciTopology topology, DeviceRequest request) throws PlacementException {
        return place(topology, request, 0, () -> {});
    }

    /** What QEMU does once the device has its id, before its properties are set: may refuse. */
    @FunctionalInterface
    public interface Named {
        void run() throws PlacementException;
    }

    /**
     * Places the device as {@link #place(PciTopology, DeviceRequest)} does, running
     * {@code named} where QEMU gives the device its id and sets its properties (after the bus
     * and id checks, before its address is read).
     *
     * @param numaNodes the machine's NUMA nodes, which an expander's {@code numa_node} must name
     */
    public static Placed place(PciTopology topology, DeviceRequest request, int numaNodes, Named named)
            throws PlacementException {
        PciBus bus = findBus(topology, request);
        if (request.hotplug() && !bus.hotpluggable()) {
            throw new PlacementException("Bus '" + bus.name() + "' does not support hotplugging");
        }
        if (request.id().isPresent() && topology.device(request.id().get()).isPresent()) {
            // The command line's option parser sees the clash before the device code does.
            throw new PlacementException(
                    request.hotplug()
                            ? "Duplicate device ID '" + request.id().get() + "'"
                            : "Duplicate ID '" + request.id().get() + "' for device");
        }
        named.run();
        int devfn = -1;
        if (request.addr().isPresent()) {
            devfn = PciAddress.parseDevfn(request.driver(), request.addr().get());
        }
        if (bus.kind().bridgesOnly() && !request.category().isBridge()) {
            throw new PlacementException("PCI: Only PCI/PCIe bridges can be plugged into "
                    + bus.parentDeviceType().orElse(""));
        }
        if (bus.kind() == PciBusKind.PXB_ROOT) {
            // a pxb's own root bus, where its bridge sits at 00.0 (QEMU takes more bridges there)
            throw new PlacementException("a bridge on the root bus of pxb '"
                    + bus.parentDeviceId().orElseThrow() + "' is not modeled by qemu-model yet");
        }
        devfn = devfn < 0 ? firstFreeSlot(topology, bus, request) : checkExplicit(topology, bus, request, devfn);
        PciDevice device = new PciDevice(
                request.driver(),
                request.id(),
                bus.name(),
                devfn >> 3,
                devfn & 7,
                request.multifunction(),
                topology.nextSerial());
        checkMultifunction(topology, device);
        if (bus.shpc() && device.slot() == 0) {
            // Measured on QEMU 7.2: a bridge that was itself hot-added refuses device_add at its slot 0;
            // one behind an expander bridge refuses -device there too.
            throw new PlacementException(
                    "Unsupported PCI slot 0 for standard hotplug controller." + " Valid slots are between 1 and 31.");
        }
        if (request.category().expander()) {
            ExpanderRules.check(topology, bus, request, numaNodes);
            return new Placed(topology.withDevice(device, ExpanderRules.buses(device, request)), device);
        }
        Optional<PciBus> child = childBus(device, request, topology.behindExpander(bus));
        if (child.flatMap(PciBus::chassisSlot).isPresent()) {
            // a port's realize adds its slot to QEMU's chassis table, which refuses a taken one (EBUSY)
            PciBus.ChassisSlot taken = child.get().chassisSlot().get();
            if (topology.buses().stream()
                    .anyMatch(b -> b.chassisSlot().filter(taken::equals).isPresent())) {
                throw new PlacementException("Can't add chassis slot, error -16");
            }
        }
        PciTopology after = child.isPresent() ? topology.withDevice(device, child.get()) : topology.withDevice(device);
        return new Placed(after, device);
    }

    /**
     * Removes a device by id as {@code device_del} does once the removal completes: the device, the
     * bus behind it and everything on that bus.
     */
    public static PciTopology remove(PciTopology topology, String id) throws PlacementException {
        PciDevice device =
                topology.device(id).orElseThrow(() -> new PlacementException("Device '" + id + "' not found"));
        PciBus bus = topology.bus(device.bus()).orElseThrow();
        if (!bus.hotpluggable()) {
            throw new PlacementException("Bus '" + bus.name() + "' does not support hotplugging");
        }
        return topology.without(device);
    }

    private static PciBus findBus(PciTopology topology, DeviceRequest request) throws PlacementException {
        if (request.bus().isEmpty()) {
            return topology.newestExpanderRoot().orElse(topology.rootBus());
        }
        String name = request.bus().get();
        // several pxbs each have a "pxb-internal": QEMU's search meets the newest one's first
        return topology.buses().stream()
                .filter(b -> b.name().equals(name))
                .reduce((first, later) -> later)
                .orElseThrow(() -> new PlacementException("Bus '" + name + "' not found"));
    }

    private static int firstFreeSlot(PciTopology topology, PciBus bus, DeviceRequest request)
            throws PlacementException {
        boolean[] taken = new boolean[32];
        for (PciDevice device : topology.devices()) {
            if (device.function() == 0 && device.bus().equals(bus.name())) {
                taken[device.slot()] = true;
            }
        }
        for (int slot = 0; slot < 32; slot++) {
            if (!taken[slot]) {
                return slot << 3;
            }
        }
        throw new PlacementException(
                "PCI: no slot/function available for " + request.driver() + ", all in use or reserved");
    }

    private static int checkExplicit(PciTopology topology, PciBus bus, DeviceRequest request, int devfn)
            throws PlacementException {
        int slot = devfn >> 3;
        int function = devfn & 7;
        Optional<PciDevice> occupant = topology.at(bus.name(), slot, function);
        if (occupant.isPresent()) {
            // QEMU prints a missing id through printf's %s, which glib renders as "(null)".
            throw new PlacementException("PCI: slot " + slot + " function " + function + " not available for "
                    + request.driver() + ", in use by " + occupant.get().type() + ",id="
                    + occupant.get().id().orElse("(null)"));
        }
        Optional<PciDevice> function0 = topology.at(bus.name(), slot, 0);
        if (request.hotplug() && function0.isPresent()) {
            throw new PlacementException("PCI: slot " + slot + " function 0 already occupied by "
                    + function0.get().type() + ", new func " + request.driver()
                    + " cannot be exposed to guest.");
        }
        return devfn;
    }

    private static void checkMultifunction(PciTopology topology, PciDevice device) throws PlacementException {
        int slot = device.slot();
        if (device.function() != 0) {
            Optional<PciDevice> function0 = topology.at(device.bus(), slot, 0);
            if (function0.isPresent() && !function0.get().multifunction()) {
                throw new PlacementException("PCI: single function device can't be populated in function "
                        + Integer.toHexString(slot) + "." + device.function());
            }
            return;
        }
        if (device.multifunction()) {
            return;
        }
        int populated = 8;
        for (PciDevice other : topology.devices()) {
            if (other.slot() == slot && other.function() > 0 && other.bus().equals(device.bus())) {
                populated = Math.min(populated, other.function());
            }
        }
        if (populated < 8) {
            String s = Integer.toHexString(slot);
            throw new PlacementException("PCI: " + s + ".0 indicates single function, but " + s + "." + populated
                    + " is already populated.");
        }
    }

    /**
     * The secondary bus a bridge-like device opens, named by its id as QEMU names it;
     * {@code behindExpander} when the device sits below an expander bridge's root bus.
     */
    private static Optional<PciBus> childBus(PciDevice device, DeviceRequest request, boolean behindExpander) {
        PciBusKind kind = switch (request.category()) {
            case ENDPOINT -> null;
            case PCI_BRIDGE -> PciBusKind.PCI_BRIDGE;
            case PCIE_PORT -> PciBusKind.PCIE_PORT;
            case PCIE_SWITCH_UPSTREAM -> PciBusKind.PCIE_SWITCH;
            // expander bridges open theirs in ExpanderRules
            case PXB, PXB_PCIE -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        boolean hotpluggable = switch (kind) {
            case PCIE_PORT -> request.hotplugEnabled();
            case PCI_BRIDGE -> true;
            // Measured on QEMU 7.2: a switch's upstream bus takes device_add (downstream ports, endpoints).
            case PCIE_SWITCH -> true;
            default -> false;
        };
        String name = device.id().orElse(kind.qomTypeName().toLowerCase(Locale.ROOT) + ".0");
        // Measured on QEMU 7.2: a bridge present when the machine was made is hot-plugged through
        // ACPI, one hot-added later through its own standard hot-plug controller, which has no slot 0;
        // so is one behind an expander bridge, where ACPI does not reach, even at start-up.
        boolean shpc = (request.hotplug() || behindExpander) && kind == PciBusKind.PCI_BRIDGE;
        return Optional.of(new PciBus(
                name,
                kind,
                hotpluggable,
                shpc,
                Optional.of(device.key()),
                Optional.of(device.type()),
                kind == PciBusKind.PCIE_PORT ? Optional.of(request.chassisSlot()) : Optional.empty(),
                0));
    }
}
