package io.qapi.machine.pci;

/** What kind of PCI bus a {@link PciBus} is; decides its QOM bus type name and what may plug in. */
public enum PciBusKind {
    /** The conventional root bus of a PCI host ({@code pci.0} on i440fx). */
    PCI_ROOT("PCI"),
    /** The PCI Express root complex bus ({@code pcie.0} on q35). */
    PCIE_ROOT("PCIE"),
    /** The bus below a root port or downstream port: a PCIe link. */
    PCIE_PORT("PCIE"),
    /** The internal bus of a switch's upstream port, where downstream ports plug. */
    PCIE_SWITCH("PCIE"),
    /** A conventional bus behind a PCI bridge (pci-bridge, pcie-pci-bridge). */
    PCI_BRIDGE("PCI"),
    /** The extra root bus of a {@code pxb}: only bridges may plug into it. */
    PXB_ROOT("PCI"),
    /** The extra root bus of a {@code pxb-pcie}: only bridges and ports may plug into it. */
    PXB_PCIE_ROOT("PCIE");

    private final String qomTypeName;

    PciBusKind(String qomTypeName) {
        this.qomTypeName = qomTypeName;
    }

    /** The QOM type of the bus as QEMU names it in errors ({@code PCI} or {@code PCIE}). */
    public String qomTypeName() {
        return qomTypeName;
    }

    /** Whether this is the bus of an expander bridge, which takes bridges only. */
    public boolean bridgesOnly() {
        return this == PXB_ROOT || this == PXB_PCIE_ROOT;
    }
}
