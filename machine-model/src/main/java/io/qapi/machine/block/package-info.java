/**
 * The block layer as QEMU 7.2 keeps it for the model: block nodes made by {@code -blockdev} and
 * {@code blockdev-add} ({@link BlockdevOptions}, {@link BlockNode}), the devices attached to them
 * and QEMU's refusals of a duplicate name, an unknown node, a node in use or a second writer
 * ({@link BlockGraph}). Modeled: the {@code null-co} and {@code null-aio} drivers, and the
 * {@code file} protocol driver with the {@code raw} format driver over it. The model looks at a
 * host file ({@link HostFiles}) and opens none. No QMP.
 */
package io.qapi.machine.block;
