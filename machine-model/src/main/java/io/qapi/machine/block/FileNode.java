package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the {@code file} protocol driver: a host file, looked at when the node was made.
 *
 * @param nodeName its name
 * @param host     the host file as it was when the node was made
 * @param flags    the options every node takes
 */
public record FileNode(String nodeName, HostFile host, NodeFlags flags) implements BlockNode {
    /** The driver's name. */
    public static final String DRIVER = "file";

    private static final long SECTOR = 512;

    public FileNode {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(flags, "flags");
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public boolean readOnly() {
        return flags.readOnly();
    }

    /** The file's length rounded up to whole 512-byte sectors (measured on QEMU 7.2: 1000 bytes show as 1024). */
    @Override
    public long virtualSize() {
        return (host.length() + SECTOR - 1) / SECTOR * SECTOR;
    }

    /** The name as given (QEMU shows it as the file's "exact" name). */
    @Override
    public String filename() {
        return host.path();
    }

    /**
     * QEMU counts the file's allocated blocks, which Java cannot see: the model gives the file's
     * length, what a fully written file takes. Sparse files show less in QEMU, so scenarios leave
     * this member out of the comparison.
     */
    @Override
    public long actualSize() {
        return host.length();
    }

    @Override
    public Optional<Boolean> dirtyFlag() {
        return Optional.of(false);
    }

    @Override
    public Optional<String> fileChild() {
        return Optional.empty();
    }

    /**
     * QEMU's refusal of a writer above this node (a device, through a format node or not): a
     * read-only node refuses it; a node that opened its file for reading only
     * ({@code auto-read-only}) opens it again for writing then, and fails where the file is not
     * writable (measured on QEMU 7.2 as an unprivileged user).
     */
    public void checkWriter() {
        if (flags.readOnly()) {
            throw QmpError.generic("Block node is read-only");
        }
        if (!host.writable()) {
            throw host.couldNotOpen(HostFile.PERMISSION_DENIED);
        }
    }

    @Override
    public ObjectNode options() {
        ObjectNode options = JsonNodeFactory.instance
                .objectNode()
                .put("driver", DRIVER)
                .put("filename", host.path())
                .put("node-name", nodeName);
        flags.putInto(options);
        return options;
    }
}
