package io.qapi.machine.block;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of the {@code raw} format driver over a {@code file} node: the guest sees the file's
 * bytes as they are. QEMU 7.2 shows the file's name and size for it (measured).
 *
 * @param nodeName its name
 * @param file     the node it reads from (its {@code file} child), as it was when this node was made
 * @param flags    the options every node takes
 */
public record RawNode(String nodeName, FileNode file, NodeFlags flags) implements BlockNode {
    /** The driver's name. */
    public static final String DRIVER = "raw";

    public RawNode {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(file, "file");
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

    @Override
    public long virtualSize() {
        return file.virtualSize();
    }

    @Override
    public String filename() {
        return file.filename();
    }

    @Override
    public long actualSize() {
        return file.actualSize();
    }

    @Override
    public Optional<Boolean> dirtyFlag() {
        return Optional.of(false);
    }

    @Override
    public Optional<String> fileChild() {
        return Optional.of(file.nodeName());
    }

    @Override
    public ObjectNode options() {
        ObjectNode options = JsonNodeFactory.instance
                .objectNode()
                .put("driver", DRIVER)
                .put("file", file.nodeName())
                .put("node-name", nodeName);
        flags.putInto(options);
        return options;
    }
}
