/**
 * The machine model: QEMU machine types as data captured from the real binary, and rules that
 * answer for them as QEMU 7.2 does.
 * <p>
 * Sub-packages, one per concern: {@code pack} (loading captured data), {@code capture} (the tool
 * that records a data pack from a real QEMU), {@code board} (describing boards and the running
 * machine), {@code vm} (the machine a process serves), {@code topology} ({@code -smp} and CPU
 * slots), {@code cpu} (CPU model properties), {@code numa}, {@code preconfig}, {@code pci} (address
 * assignment), {@code chardev} (character devices), {@code qom} (the QOM hash-table order, object
 * options, id checks), {@code cli} (QEMU's command line), {@code server} (the QMP surface).
 */
package io.qapi.machine;
