package io.qapi.machine.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PciPlacementTest {
    private static DeviceRequest hot(String driver) {
        return DeviceRequest.of(driver, DeviceCategory.ENDPOINT, true);
    }

    private static DeviceRequest cold(String driver) {
        return DeviceRequest.of(driver, DeviceCategory.ENDPOINT, false);
    }

    private static String error(PciTopology topology, DeviceRequest request) {
        return assertThrows(PlacementException.class, () -> PciPlacement.place(topology, request))
                .getMessage();
    }

    @Test
    void firstFreeSlotOnPcIsTwo() throws Exception {
        PciPlacement.Placed placed =
                PciPlacement.place(PciTopology.i440fx(), hot("e1000").withId("n0"));
        assertEquals("pci.0", placed.device().bus());
        assertEquals(2, placed.device().slot());
        PciPlacement.Placed second = PciPlacement.place(placed.topology(), hot("rtl8139"));
        assertEquals(3, second.device().slot());
    }

    @Test
    void q35DeviceAddWithoutBusFailsOnPcie0() {
        assertEquals("Bus 'pcie.0' does not support hotplugging", error(PciTopology.q35(), hot("e1000e")));
    }

    @Test
    void q35ColdPlugTakesSlotOne() throws Exception {
        assertEquals(
                1,
                PciPlacement.place(PciTopology.q35(), cold("e1000e")).device().slot());
    }

    @Test
    void occupiedSlotNamesTheOccupant() {
        assertEquals(
                "PCI: slot 1 function 0 not available for e1000, in use by PIIX3,id=(null)",
                error(PciTopology.i440fx(), hot("e1000").at("1")));
    }

    @Test
    void occupiedSlotNamesTheOccupantsId() throws Exception {
        PciTopology t = PciPlacement.place(
                        PciTopology.i440fx(), hot("e1000").withId("n0").at("5"))
                .topology();
        assertEquals(
                "PCI: slot 5 function 0 not available for rtl8139, in use by e1000,id=n0",
                error(t, hot("rtl8139").at("0x5")));
    }

    @Test
    void hotplugOfAFunctionBesideFunction0IsRefused() throws Exception {
        PciTopology t = PciPlacement.place(
                        PciTopology.i440fx(), hot("e1000").at("5").multifunction(true))
                .topology();
        assertEquals(
                "PCI: slot 5 function 0 already occupied by e1000, new func rtl8139 cannot be exposed to guest.",
                error(t, hot("rtl8139").at("5.1")));
    }

    @Test
    void coldFunctionsNeedMultifunctionOnFunction0() throws Exception {
        PciTopology single =
                PciPlacement.place(PciTopology.i440fx(), cold("e1000").at("5")).topology();
        assertEquals(
                "PCI: single function device can't be populated in function 5.1",
                error(single, cold("rtl8139").at("5.1")));
        PciTopology multi = PciPlacement.place(
                        PciTopology.i440fx(), cold("e1000").at("0x1a").multifunction(true))
                .topology();
        PciPlacement.Placed f1 = PciPlacement.place(multi, cold("rtl8139").at("1a.1"));
        assertEquals(26, f1.device().slot());
        assertEquals(1, f1.device().function());
    }

    @Test
    void singleFunction0AfterOtherFunctionsIsRefused() throws Exception {
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), cold("e1000").at("7.2"))
                .topology();
        assertEquals(
                "PCI: 7.0 indicates single function, but 7.2 is already populated.",
                error(t, cold("rtl8139").at("7")));
    }

    @Test
    void badAddressesUseThePropertyText() {
        for (String bad : new String[] {"zz", "20", "3.8", "3.", "", "3.1x"}) {
            assertEquals(
                    "Property 'e1000.addr' doesn't take value '" + bad + "'",
                    error(PciTopology.i440fx(), hot("e1000").at(bad)),
                    bad);
        }
    }

    @Test
    void addressFormsQemuAccepts() throws Exception {
        assertEquals(0x1f << 3 | 7, PciAddress.parseDevfn("e1000", "1f.7"));
        assertEquals(3 << 3, PciAddress.parseDevfn("e1000", "0x3"));
        assertEquals(3 << 3 | 1, PciAddress.parseDevfn("e1000", "03.1"));
    }

    @Test
    void unknownBusAndDuplicateId() throws Exception {
        assertEquals(
                "Bus 'nope' not found", error(PciTopology.i440fx(), hot("e1000").onBus("nope")));
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), hot("e1000").withId("n0"))
                .topology();
        assertEquals("Duplicate device ID 'n0'", error(t, hot("e1000").withId("n0")));
        assertEquals("Duplicate ID 'n0' for device", error(t, cold("e1000").withId("n0")));
    }

    @Test
    void rootPortOpensAHotpluggableBusNamedByItsId() throws Exception {
        DeviceRequest port = DeviceRequest.of("pcie-root-port", DeviceCategory.PCIE_PORT, false)
                .withId("rp1");
        PciTopology t = PciPlacement.place(PciTopology.q35(), port).topology();
        PciPlacement.Placed nic = PciPlacement.place(t, hot("e1000e").onBus("rp1"));
        assertEquals("rp1", nic.device().bus());
        assertEquals(0, nic.device().slot());
        DeviceRequest off = DeviceRequest.of("pcie-root-port", DeviceCategory.PCIE_PORT, false)
                .withId("rp2")
                .hotplugEnabled(false)
                .inChassisSlot(new PciBus.ChassisSlot(0, 1));
        PciTopology t2 = PciPlacement.place(t, off).topology();
        assertEquals(
                "Bus 'rp2' does not support hotplugging",
                error(t2, hot("e1000e").onBus("rp2")));
    }

    @Test
    void twoPortsInOneChassisSlotAreRefused() throws Exception {
        DeviceRequest first = DeviceRequest.of("pcie-root-port", DeviceCategory.PCIE_PORT, false)
                .withId("rp1")
                .inChassisSlot(new PciBus.ChassisSlot(1, 1));
        PciTopology t = PciPlacement.place(PciTopology.q35(), first).topology();
        DeviceRequest upstream = DeviceRequest.of("x3130-upstream", DeviceCategory.PCIE_SWITCH_UPSTREAM, false)
                .withId("up")
                .onBus("rp1");
        t = PciPlacement.place(t, upstream).topology();
        DeviceRequest same = DeviceRequest.of("xio3130-downstream", DeviceCategory.PCIE_PORT, true)
                .withId("dn")
                .onBus("up")
                .inChassisSlot(new PciBus.ChassisSlot(1, 1));
        assertEquals("Can't add chassis slot, error -16", error(t, same));
        // a switch's upstream bus takes hotplug, and the slot of a port that is gone is free again
        PciTopology plugged = PciPlacement.place(t, same.inChassisSlot(new PciBus.ChassisSlot(1, 2)))
                .topology();
        assertEquals(
                "Can't add chassis slot, error -16",
                error(plugged, same.withId("dn2").inChassisSlot(new PciBus.ChassisSlot(1, 2))));
        PciTopology without = PciPlacement.remove(plugged, "dn");
        assertEquals(
                "up",
                PciPlacement.place(without, same.withId("dn2").inChassisSlot(new PciBus.ChassisSlot(1, 2)))
                        .device()
                        .bus());
    }

    @Test
    void removingABridgeRemovesWhatIsBehindIt() throws Exception {
        DeviceRequest bridge = DeviceRequest.of("pci-bridge", DeviceCategory.PCI_BRIDGE, true)
                .withId("br")
                .at("5");
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), bridge).topology();
        assertEquals(
                "Unsupported PCI slot 0 for standard hotplug controller. Valid slots are between 1 and 31.",
                error(t, hot("e1000").onBus("br")));
        t = PciPlacement.place(t, hot("e1000").withId("n").onBus("br").at("1")).topology();
        PciTopology after = PciPlacement.remove(t, "br");
        assertTrue(after.bus("br").isEmpty());
        assertTrue(after.device("n").isEmpty());
        assertEquals(PciTopology.i440fx().devices().size(), after.devices().size());
        assertEquals(
                "Bus 'pcie.0' does not support hotplugging",
                assertThrows(
                                PlacementException.class,
                                () -> PciPlacement.remove(
                                        PciPlacement.place(
                                                        PciTopology.q35(),
                                                        cold("e1000e").withId("x"))
                                                .topology(),
                                        "x"))
                        .getMessage());
    }

    @Test
    void expanderBusTakesBridgesOnly() throws Exception {
        DeviceRequest pxb =
                DeviceRequest.of("pxb-pcie", DeviceCategory.PXB_PCIE, false).withId("px");
        PciTopology t = PciPlacement.place(PciTopology.q35(), pxb).topology();
        assertEquals(
                "PCI: Only PCI/PCIe bridges can be plugged into pxb-pcie",
                error(t, cold("e1000e").onBus("px")));
    }

    private static DeviceRequest expander(String driver, String id, int busNumber) {
        DeviceCategory category = driver.equals("pxb") ? DeviceCategory.PXB : DeviceCategory.PXB_PCIE;
        return DeviceRequest.of(driver, category, false)
                .withId(id)
                .withExpander(new DeviceRequest.Expander(busNumber, DeviceRequest.Expander.NO_NUMA_NODE));
    }

    private static DeviceRequest bridge(String id) {
        return DeviceRequest.of("pci-bridge", DeviceCategory.PCI_BRIDGE, false).withId(id);
    }

    @Test
    void pxbOpensItsRootBusAndTheBusBehindItsOwnBridge() throws Exception {
        PciPlacement.Placed placed = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4));
        assertEquals(2, placed.device().slot());
        PciBus root = placed.topology().bus("pxb-internal").orElseThrow();
        assertEquals(PciBusKind.PXB_ROOT, root.kind());
        assertEquals(4, root.number());
        PciBus behind = placed.topology().bus("px1").orElseThrow();
        assertEquals(0, behind.number());
        assertTrue(placed.topology().behindExpander(behind));
        assertEquals(List.of(root), placed.topology().expanderRoots());
        PciTopology t = PciPlacement.place(placed.topology(), cold("e1000").onBus("px1"))
                .topology();
        assertEquals(
                "Bus 'px1' does not support hotplugging", error(t, hot("e1000").onBus("px1")));
    }

    @Test
    void aDeviceGivenNoBusGoesToTheNewestExpandersRootBus() throws Exception {
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4))
                .topology();
        assertEquals("PCI: Only PCI/PCIe bridges can be plugged into pxb", error(t, cold("e1000")));
        assertEquals("Bus 'pxb-internal' does not support hotplugging", error(t, hot("e1000")));
        PciTopology q35 = PciPlacement.place(PciTopology.q35(), expander("pxb-pcie", "px1", 4))
                .topology();
        q35 = PciPlacement.place(q35, expander("pxb-pcie", "px2", 8).onBus("pcie.0"))
                .topology();
        assertEquals("Bus 'px2' does not support hotplugging", error(q35, hot("e1000e")));
        assertEquals(
                List.of("px2", "px1"),
                q35.expanderRoots().stream().map(PciBus::name).toList());
    }

    @Test
    void anExpandersBusNumberMustBeFreeBelowTheRootBus() throws Exception {
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4))
                .topology();
        assertEquals(
                "Bus 4 is already in use", error(t, expander("pxb", "px2", 4).onBus("pci.0")));
        // a bridge's secondary bus is 0 until firmware numbers it; the one behind a pxb's own bridge is no child
        assertEquals(
                "Bus 0 is already in use",
                error(
                        PciPlacement.place(
                                        PciTopology.q35(),
                                        DeviceRequest.of("pcie-root-port", DeviceCategory.PCIE_PORT, false)
                                                .withId("rp"))
                                .topology(),
                        expander("pxb-pcie", "px1", 0)));
        PciPlacement.place(PciTopology.q35(), expander("pxb-pcie", "px1", 0));
        assertEquals(
                "Bridge chassis not specified. Each bridge is required to be assigned a unique chassis id > 0.",
                error(PciTopology.i440fx(), expander("pxb", "px1", 0)));
    }

    @Test
    void expandersCheckTheirBusAndNumaNode() throws Exception {
        assertEquals("pxb devices cannot reside on a PCIe bus", error(PciTopology.q35(), expander("pxb", "p", 4)));
        assertEquals(
                "pxb-pcie devices cannot reside on a PCI bus",
                error(PciTopology.i440fx(), expander("pxb-pcie", "p", 4)));
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4))
                .topology();
        assertEquals(
                "PXB devices can be attached only to root bus",
                error(t, expander("pxb", "px2", 5).onBus("px1")));
        DeviceRequest onNode1 = expander("pxb", "px1", 4).withExpander(new DeviceRequest.Expander(4, 1));
        assertEquals(
                "Illegal numa node 1",
                assertThrows(
                                PlacementException.class,
                                () -> PciPlacement.place(PciTopology.i440fx(), onNode1, 1, () -> {}))
                        .getMessage());
        assertEquals(
                2,
                PciPlacement.place(PciTopology.i440fx(), onNode1, 2, () -> {})
                        .device()
                        .slot());
    }

    @Test
    void aBridgeBehindAnExpanderRefusesSlotZeroEvenAtStartUp() throws Exception {
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4))
                .topology();
        t = PciPlacement.place(t, bridge("b1").onBus("px1")).topology();
        assertEquals(
                "Unsupported PCI slot 0 for standard hotplug controller. Valid slots are between 1 and 31.",
                error(t, cold("e1000").onBus("b1")));
        assertEquals(
                1,
                PciPlacement.place(t, cold("e1000").onBus("b1").at("1"))
                        .device()
                        .slot());
        // beside pci.0, a bridge present at start-up is hot-plugged through ACPI, slot 0 included
        PciTopology plain =
                PciPlacement.place(PciTopology.i440fx(), bridge("b2")).topology();
        assertEquals(
                0, PciPlacement.place(plain, cold("e1000").onBus("b2")).device().slot());
    }

    @Test
    void aBridgeOnAPxbsOwnRootBusIsNotModeled() throws Exception {
        PciTopology t = PciPlacement.place(PciTopology.i440fx(), expander("pxb", "px1", 4))
                .topology();
        assertTrue(error(t, bridge("b1")).endsWith("is not modeled by qemu-model yet"));
    }
}
