package io.qapi.machine.pci;

/** What a device type is, as far as placement cares. The caller knows it from the device data. */
public enum DeviceCategory {
    /** An endpoint: e1000, virtio-*-pci, ich9-ahci, VGA ... */
    ENDPOINT,
    /** A PCI-to-PCI bridge whose secondary bus is conventional PCI (pci-bridge, pcie-pci-bridge). */
    PCI_BRIDGE,
    /** A root port or switch downstream port; its secondary bus is a PCIe link. */
    PCIE_PORT,
    /** A switch upstream port (x3130-upstream); its secondary bus takes downstream ports. */
    PCIE_SWITCH_UPSTREAM,
    /** A conventional expander bridge (pxb); it opens a new root bus. */
    PXB,
    /** A PCIe expander bridge (pxb-pcie); it opens a new PCIe root bus. */
    PXB_PCIE;

    /** Whether the device is an expander bridge, which opens a root bus of its own. */
    public boolean expander() {
        return this == PXB || this == PXB_PCIE;
    }

    /** Whether QEMU counts the device as a bridge ({@code is_bridge}), allowed on expander buses. */
    public boolean isBridge() {
        return this == PCI_BRIDGE || this == PCIE_PORT || this == PCIE_SWITCH_UPSTREAM;
    }
}
