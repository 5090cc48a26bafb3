package io.qapi.machine.pci;

import java.util.Optional;

/**
 * What QEMU 7.2's expander bridges ({@code pxb} on a conventional root bus, {@code pxb-pcie} on a
 * PCI Express one) check as they open a root bus of their own, once they have their slot, and
 * the buses they open. Measured on QEMU 7.2:
 * <ul>
 *   <li>a {@code pxb} on a PCIe bus: "pxb devices cannot reside on a PCIe bus"; a
 *       {@code pxb-pcie} on a conventional one: "pxb-pcie devices cannot reside on a PCI bus";</li>
 *   <li>a {@code numa_node} the machine does not have: "Illegal numa node N";</li>
 *   <li>on a bus other than a host's root bus: "PXB devices can be attached only to root bus";</li>
 *   <li>a {@code bus_nr} that a bus below the same root bus has: "Bus N is already in use" (an
 *       expander's bus has its {@code bus_nr}; a bridge's or port's secondary bus is 0 until
 *       firmware numbers it, so {@code bus_nr=0} clashes with any bridge or port there);</li>
 *   <li>a {@code pxb} with {@code bus_nr=0}: its own {@code pci-bridge} takes the bus number as
 *       its chassis number, and refuses 0.</li>
 * </ul>
 * A {@code pxb} opens {@code pxb-internal}, a root bus with the number {@code bus_nr} that takes
 * bridges only, with a {@code pci-bridge} of its own at 00.0 (with the expander's id and no
 * standard hot-plug controller) whose secondary bus, named by the expander's id, takes any
 * device but not {@code device_add}. A {@code pxb-pcie} opens one root bus named by its id,
 * numbered {@code bus_nr}, that takes bridges and ports only, and not {@code device_add}.
 */
final class ExpanderRules {
    private static final String INTERNAL_BUS = "pxb-internal";

    private ExpanderRules() {}

    /** QEMU's checks, in its order, of an expander placed on {@code bus}. */
    static void check(PciTopology topology, PciBus bus, DeviceRequest request, int numaNodes)
            throws PlacementException {
        if (request.id().isEmpty()) {
            // QEMU names the buses of an anonymous expander by counters the model does not follow
            throw new PlacementException("'" + request.driver() + "' without an id is not modeled by qemu-model yet");
        }
        boolean pxb = request.category() == DeviceCategory.PXB;
        if (pxb && bus.express()) {
            throw new PlacementException("pxb devices cannot reside on a PCIe bus");
        }
        if (!pxb && !bus.express()) {
            throw new PlacementException("pxb-pcie devices cannot reside on a PCI bus");
        }
        int numaNode = request.expander().numaNode();
        if (numaNode != DeviceRequest.Expander.NO_NUMA_NODE && numaNode >= numaNodes) {
            throw new PlacementException("Illegal numa node " + numaNode);
        }
        if (bus.parentDeviceId().isPresent()) {
            throw new PlacementException("PXB devices can be attached only to root bus");
        }
        int number = request.expander().busNumber();
        if (topology.busesBelow(bus.name()).stream().anyMatch(child -> child.number() == number)) {
            throw new PlacementException("Bus " + number + " is already in use");
        }
        if (pxb && number == 0) {
            throw new PlacementException("Bridge chassis not specified. Each bridge is required to be assigned a"
                    + " unique chassis id > 0.");
        }
    }

    /** The buses the expander opens, in QEMU's order: its root bus first. */
    static PciBus[] buses(PciDevice expander, DeviceRequest request) {
        String id = expander.id().orElseThrow();
        int number = request.expander().busNumber();
        Optional<String> parent = Optional.of(expander.key());
        Optional<String> type = Optional.of(expander.type());
        if (request.category() == DeviceCategory.PXB_PCIE) {
            return new PciBus[] {
                new PciBus(id, PciBusKind.PXB_PCIE_ROOT, false, false, parent, type, Optional.empty(), number)
            };
        }
        return new PciBus[] {
            new PciBus(INTERNAL_BUS, PciBusKind.PXB_ROOT, false, false, parent, type, Optional.empty(), number),
            new PciBus(id, PciBusKind.PCI_BRIDGE, false, false, parent, type, Optional.empty(), 0)
        };
    }
}
