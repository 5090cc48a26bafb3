package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A block node as {@code blockdev-add} or {@code -blockdev} made it: one of the drivers the model
 * follows, with what QEMU 7.2 shows of it in {@code query-named-block-nodes}.
 */
public sealed interface BlockNode permits NullNode, FileNode, RawNode {

    /** Its name. */
    String nodeName();

    /** Its driver, as {@code drv} and the image's {@code format} name it. */
    String driver();

    /** The {@code read-only} option: whether the node refuses writers. */
    boolean readOnly();

    /** The size the guest sees, in bytes. */
    long virtualSize();

    /** Its file name as QEMU 7.2 shows it ({@code file}, and the image's {@code filename}). */
    String filename();

    /**
     * The bytes its image takes on the host, as {@code actual-size} shows them (host-dependent
     * for a host file).
     */
    long actualSize();

    /** The image's {@code dirty-flag}, for drivers that tell it (QEMU leaves it out for the others). */
    Optional<Boolean> dirtyFlag();

    /** The node it reads its data from (a format node's {@code file} child), if any. */
    Optional<String> fileChild();

    /** The node as {@code blockdev-add} takes it, for the hardware description. */
    ObjectNode options();
}
