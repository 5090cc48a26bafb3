package io.qapi.machine.block;

import io.qapi.runtime.api.QmpError;
import java.util.Map;
import java.util.Set;

/**
 * The devices the model attaches to block nodes, and QEMU 7.2's checks of their {@code drive}
 * property in QEMU's order: an unknown node where the property is set (before the device is
 * placed), a missing {@code drive} and a node another device writes to where the device is
 * realized (after it is placed).
 */
public final class BlockDevices {
    /** The PCI device types with a block back end that the model places. */
    public static final Set<String> TYPES = Set.of("virtio-blk-pci");
    /** The virtio device inside a virtio-blk-pci, which holds its {@code drive} and names its back end. */
    private static final String VIRTIO_DEVICE = "virtio-blk-device";

    private static final String VIRTIO_CHILD = "/virtio-backend";

    private BlockDevices() {}

    /** Whether devices of this type take a block back end the model follows. */
    public static boolean hasDrive(String type) {
        return TYPES.contains(type);
    }

    /** QEMU's check where it sets {@code drive}: the node must exist. */
    public static void checkDrive(BlockGraph graph, String type, Map<String, String> options) {
        String drive = options.get("drive");
        if (hasDrive(type) && drive != null) {
            graph.requireNode(VIRTIO_DEVICE, drive);
        }
    }

    /**
     * The graph with the placed device at {@code devicePath} attached to its node, or QEMU's
     * refusal as it realizes the device; the graph unchanged for other types.
     */
    public static BlockGraph realize(BlockGraph graph, String type, Map<String, String> kept, String devicePath) {
        if (!hasDrive(type)) {
            return graph;
        }
        String drive = kept.get("drive");
        if (drive == null) {
            throw QmpError.generic("drive property not set");
        }
        return graph.attach(drive, devicePath + VIRTIO_CHILD);
    }
}
