package io.qapi.machine.block;

/**
 * A node {@code blockdev-add} or {@code -blockdev} asked for, its options read: what is left of
 * QEMU 7.2's checks needs the graph it joins (a duplicate name, the node a format reads from)
 * and, for a host file, a look at the file, in QEMU's order.
 */
@FunctionalInterface
public interface BlockdevRequest {

    /** The node, or QEMU's refusal; the graph is not changed ({@link BlockGraph#with} adds it). */
    BlockNode create(BlockGraph graph);
}
