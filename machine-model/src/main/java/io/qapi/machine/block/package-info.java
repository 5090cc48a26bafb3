/**
 * The block layer as QEMU 7.2 keeps it for the model: block nodes made by {@code -blockdev} and
 * {@code blockdev-add} ({@link BlockdevOptions}, {@link BlockNode}), the devices attached to them
 * and QEMU's refusals of a duplicate name, an unknown node, a node in use or a second writer
 * ({@link BlockGraph}). The model records nodes: it opens no host file, so only the
 * {@code null-co} and {@code null-aio} drivers, which need none, are modeled. No QMP, no I/O.
 */
package io.qapi.machine.block;
