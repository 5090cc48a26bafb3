package io.qapi.machine.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The block graph's rules, with QEMU 7.2's texts; a refused change leaves the graph as it was. */
class BlockGraphTest {
    private static BlockNode node(String name, boolean readOnly) {
        return new NullNode(name, "null-co", OptionalLong.empty(), Optional.empty(), readOnly);
    }

    private static String refusal(Runnable change) {
        return assertThrows(QmpError.class, change::run).desc();
    }

    @Test
    void aNameIsTakenOnce() {
        BlockGraph graph = BlockGraph.EMPTY.with(node("n0", false));
        assertEquals("Duplicate nodes with node-name='n0'", refusal(() -> graph.with(node("n0", true))));
        assertEquals(1, graph.nodes().size());
    }

    @Test
    void aWritableNodeTakesOneDeviceAReadOnlyOneAny() {
        BlockGraph graph = BlockGraph.EMPTY
                .with(node("w", false))
                .with(node("r", true))
                .attach("w", "/machine/peripheral/a/virtio-backend");
        assertEquals(
                "Permission conflict on node 'w': permissions 'write' are both required by block device"
                        + " '/machine/peripheral/a/virtio-backend' (uses node 'w' as 'root' child) and unshared by block"
                        + " device '/machine/peripheral-anon/device[3]/virtio-backend' (uses node 'w' as 'root' child).",
                refusal(() -> graph.attach("w", "/machine/peripheral-anon/device[3]/virtio-backend")));
        BlockGraph shared = graph.attach("r", "/machine/peripheral/b/virtio-backend")
                .attach("r", "/machine/peripheral/c/virtio-backend");
        assertEquals(3, shared.attachments().size());
    }

    @Test
    void onlyANodeNothingUsesIsDeleted() {
        BlockGraph graph = BlockGraph.EMPTY
                .with(node("n0", false))
                .with(node("n1", false))
                .attach("n0", "/machine/peripheral/a/virtio-backend");
        assertEquals("Node n0 is in use", refusal(() -> graph.without("n0")));
        assertEquals("Failed to find node with node-name='zz'", refusal(() -> graph.without("zz")));
        assertEquals(List.of(node("n0", false)), graph.without("n1").nodes());
    }

    @Test
    void aDiskNeedsAnExistingNodeAndADrive() {
        BlockGraph graph = BlockGraph.EMPTY.with(node("n0", false));
        assertEquals(
                "Property 'virtio-blk-device.drive' can't find value 'x'",
                refusal(() -> BlockDevices.checkDrive(graph, "virtio-blk-pci", Map.of("drive", "x"))));
        assertEquals(
                "drive property not set",
                refusal(() -> BlockDevices.realize(graph, "virtio-blk-pci", Map.of(), "/machine/peripheral/a")));
        assertEquals(
                List.of(new BlockGraph.Attachment("n0", "/machine/peripheral/a/virtio-backend")),
                BlockDevices.realize(graph, "virtio-blk-pci", Map.of("drive", "n0"), "/machine/peripheral/a")
                        .attachments());
        assertEquals(graph, BlockDevices.realize(graph, "e1000", Map.of(), "/machine/peripheral/b"));
    }
}
