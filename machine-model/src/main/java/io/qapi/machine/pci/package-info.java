/**
 * QEMU 7.2's PCI address assignment as pure rules: an immutable {@link io.qapi.machine.pci.PciTopology}
 * (buses in QOM order, occupied slots/functions) and {@link io.qapi.machine.pci.PciPlacement}, which
 * places a {@link io.qapi.machine.pci.DeviceRequest} or refuses it with QEMU's exact text. No QMP and
 * no I/O: the QMP server applies these rules to {@code -device}, {@code device_add} and
 * {@code device_del}. The scenario tests compare each rule with the real QEMU 7.2 binary.
 */
package io.qapi.machine.pci;
