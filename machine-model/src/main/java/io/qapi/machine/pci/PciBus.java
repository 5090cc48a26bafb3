package io.qapi.machine.pci;

import java.util.Objects;
import java.util.Optional;

/**
 * One PCI bus of a topology.
 *
 * @param name the bus name QEMU gives it ({@code pci.0}, {@code pcie.0}, a bridge's id)
 * @param kind what kind of bus it is
 * @param hotpluggable whether {@code device_add} may plug into it once the machine runs
 * @param shpc whether a standard hotplug controller serves the bus (a {@code pci-bridge} with its
 *     default {@code shpc=on}); {@code device_add} into slot 0 is refused
 * @param parentDeviceId the device (by {@link PciDevice#key()}) whose child bus this is; empty for
 *     a host bridge's root bus
 * @param parentDeviceType the QOM type of that device (for "Only PCI/PCIe bridges can be plugged
 *     into %s"); empty for a root bus
 * @param chassisSlot for the link below a root or downstream port, the PCIe slot it is in QEMU's
 *     chassis table ({@link ChassisSlot}); empty for other buses
 * @param number the bus number {@code query-pci} shows: a root bus's own (0 for the host's, the
 *     {@code bus_nr} of an expander's), 0 for a bridge's secondary bus, which firmware has not
 *     numbered in a machine that has not run
 */
public record PciBus(
        String name,
        PciBusKind kind,
        boolean hotpluggable,
        boolean shpc,
        Optional<String> parentDeviceId,
        Optional<String> parentDeviceType,
        Optional<ChassisSlot> chassisSlot,
        int number) {

    public PciBus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(parentDeviceId, "parentDeviceId");
        Objects.requireNonNull(parentDeviceType, "parentDeviceType");
        Objects.requireNonNull(chassisSlot, "chassisSlot");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a bus needs a name");
        }
    }

    /** A host bridge's root bus. */
    public static PciBus root(String name, PciBusKind kind, boolean hotpluggable) {
        return new PciBus(name, kind, hotpluggable, false, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** Whether this is the root bus of an expander bridge ({@code pxb}, {@code pxb-pcie}). */
    public boolean expanderRoot() {
        return kind.bridgesOnly();
    }

    /** Whether this bus is PCI Express (QEMU's {@code pci_bus_is_express}). */
    public boolean express() {
        return kind.qomTypeName().equals("PCIE");
    }

    /**
     * A PCIe slot's place in QEMU's chassis table: the {@code chassis} and {@code slot}
     * properties of a root or downstream port (both 0 unless given). Two ports may not share one.
     */
    public record ChassisSlot(int chassis, int slot) {}
}
