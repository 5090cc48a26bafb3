package io.qapi.machine.block;

import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The machine's block nodes and the devices attached to them, as one immutable value: each
 * change returns a new graph or fails with QEMU 7.2's refusal and changes nothing.
 *
 * @param nodes       the nodes, in the order they were made
 * @param attachments the devices attached to nodes, in the order they were attached (QEMU's
 *                    order of its block backends, which {@code query-block} lists)
 */
public record BlockGraph(List<BlockNode> nodes, List<Attachment> attachments) {

    /**
     * A device attached to a node.
     *
     * @param nodeName   the node
     * @param devicePath the QOM path of the device that holds it (a virtio-blk-pci's
     *                   {@code virtio-backend})
     */
    public record Attachment(String nodeName, String devicePath) {
        public Attachment {
            Objects.requireNonNull(nodeName, "nodeName");
            Objects.requireNonNull(devicePath, "devicePath");
        }
    }

    /** A graph without nodes. */
    public static final BlockGraph EMPTY = new BlockGraph(List.of(), List.of());

    public BlockGraph {
        nodes = List.copyOf(nodes);
        attachments = List.copyOf(attachments);
    }

    /** The node of this name, if any. */
    public Optional<BlockNode> node(String nodeName) {
        return nodes.stream().filter(n -> n.nodeName().equals(nodeName)).findFirst();
    }

    /** QEMU's refusal of a name a node has already. */
    public void checkNewName(String nodeName) {
        if (node(nodeName).isPresent()) {
            throw QmpError.generic("Duplicate nodes with node-name='" + nodeName + "'");
        }
    }

    /** This graph with {@code node}, refusing a name in use as QEMU does. */
    public BlockGraph with(BlockNode node) {
        checkNewName(node.nodeName());
        List<BlockNode> more = new ArrayList<>(nodes);
        more.add(node);
        return new BlockGraph(more, attachments);
    }

    /**
     * This graph without the node of that name ({@code blockdev-del}): QEMU refuses a name it
     * does not know and a node a device is attached to, even one whose device was asked to go
     * ({@code device_del}) but that a guest has not let go yet; then a node another node
     * reads from (a format node's {@code file}), with another text (measured on QEMU 7.2).
     */
    public BlockGraph without(String nodeName) {
        if (node(nodeName).isEmpty()) {
            throw QmpError.generic("Failed to find node with node-name='" + nodeName + "'");
        }
        if (attachments.stream().anyMatch(a -> a.nodeName().equals(nodeName))) {
            throw QmpError.generic("Node " + nodeName + " is in use");
        }
        if (nodes.stream().anyMatch(n -> n.fileChild().filter(nodeName::equals).isPresent())) {
            throw QmpError.generic("Block device " + nodeName + " is in use");
        }
        return new BlockGraph(
                nodes.stream().filter(n -> !n.nodeName().equals(nodeName)).toList(), attachments);
    }

    /**
     * QEMU's refusal of a device's {@code drive} that names no node, given where QEMU sets the
     * property (before the device is placed).
     *
     * @param deviceType the type that holds the property (QEMU names the virtio device inside a
     *                   virtio-blk-pci, {@code virtio-blk-device})
     */
    public void requireNode(String deviceType, String nodeName) {
        if (node(nodeName).isEmpty()) {
            throw QmpError.generic("Property '" + deviceType + ".drive' can't find value '" + nodeName + "'");
        }
    }

    /**
     * This graph with a device attached to a node, as QEMU realizes the device (after it is
     * placed): a writable node takes one device, because each wants to write and shares no
     * writing; a read-only node takes any number (measured on QEMU 7.2). A writer above a
     * host file needs the file node to take writing ({@link FileNode#checkWriter}). Two devices
     * that reach one host file through different nodes meet QEMU's permissions and file locks
     * between nodes, which the model does not follow: refused as not modeled.
     */
    public BlockGraph attach(String nodeName, String devicePath) {
        BlockNode node = node(nodeName).orElseThrow();
        Optional<Attachment> writer =
                attachments.stream().filter(a -> a.nodeName().equals(nodeName)).findFirst();
        if (!node.readOnly() && writer.isPresent()) {
            throw QmpError.generic("Permission conflict on node '" + nodeName + "': permissions 'write' are both"
                    + " required by block device '" + writer.get().devicePath() + "' (uses node '" + nodeName
                    + "' as 'root' child) and unshared by block device '" + devicePath + "' (uses node '"
                    + nodeName + "' as 'root' child).");
        }
        Optional<FileNode> file = hostFileNode(node);
        if (file.isPresent() && !node.readOnly()) {
            file.get().checkWriter();
        }
        if (file.isPresent()
                && attachments.stream()
                        .anyMatch(a -> !a.nodeName().equals(nodeName)
                                && hostFileNode(node(a.nodeName()).orElseThrow())
                                        .filter(other -> sameHostFile(other, file.get()))
                                        .isPresent())) {
            throw QmpError.generic("Two devices on one host file through different nodes are not modeled by"
                    + " qemu-model ('" + file.get().filename() + "')");
        }
        List<Attachment> more = new ArrayList<>(attachments);
        more.add(new Attachment(nodeName, devicePath));
        return new BlockGraph(nodes, more);
    }

    /** The {@code file} node under {@code node}, or the node itself, if it stands on a host file. */
    private static Optional<FileNode> hostFileNode(BlockNode node) {
        if (node instanceof FileNode file) {
            return Optional.of(file);
        }
        return node instanceof RawNode raw ? Optional.of(raw.file()) : Optional.empty();
    }

    private static boolean sameHostFile(FileNode one, FileNode other) {
        return one.filename().equals(other.filename());
    }

    /** The device attached to a node, if any (the first, for a read-only node). */
    public Optional<Attachment> attachment(String nodeName) {
        return attachments.stream().filter(a -> a.nodeName().equals(nodeName)).findFirst();
    }
}
