/**
 * ISA devices as QEMU 7.2 places them on a board's ISA bus: the serial port ({@code isa-serial})
 * and the floppy controller ({@code isa-fdc}) a command line adds, their properties (a serial
 * port's {@code index}, {@code iobase}, {@code irq} and {@code chardev}) and QEMU's refusals. Pure
 * rules: no QMP, no I/O.
 */
package io.qapi.machine.isa;
