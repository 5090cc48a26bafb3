package io.qapi.machine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.block.BlockGraph;
import io.qapi.machine.block.BlockNode;
import io.qapi.machine.block.BlockdevOptions;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.schema.block.BlockDeviceInfo;
import io.qapi.schema.block.BlockDeviceIoStatus;
import io.qapi.schema.block.BlockInfo;
import io.qapi.schema.block.BlockdevCacheInfo;
import io.qapi.schema.block.BlockdevDelArguments;
import io.qapi.schema.block.BlockdevDetectZeroesOptions;
import io.qapi.schema.block.ImageInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code blockdev-add}, {@code blockdev-del}, {@code query-named-block-nodes} and
 * {@code query-block}: the machine's block nodes (see {@link io.qapi.machine.block}) as QEMU 7.2
 * shows them. The modeled nodes have no limits and no cache options, so those members are
 * QEMU's defaults; the model opens no host file (a {@code file} node's {@code actual-size} is
 * its length, see {@link BlockNode#actualSize}).
 */
final class BlockModule {
    private final VirtualMachine machine;

    BlockModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void blockdevAdd(ObjectNode arguments) {
        machine.addBlockNode(BlockdevOptions.read(arguments, Input.STRICT));
    }

    void blockdevDel(BlockdevDelArguments arguments) {
        machine.deleteBlockNode(arguments.nodeName());
    }

    /** The nodes, the newest first (QEMU prepends each to its reply); the modeled drivers have no backing image to flatten. */
    List<BlockDeviceInfo> queryNamedBlockNodes() {
        List<BlockDeviceInfo> nodes = new ArrayList<>();
        for (BlockNode node : machine.blocks().nodes()) {
            nodes.add(0, info(node));
        }
        return nodes;
    }

    /**
     * The devices' back ends in the order they were attached: a device attached by node name
     * has a back end without a name ({@code device} ""), named by the device's QOM path.
     */
    List<BlockInfo> queryBlock() {
        BlockGraph graph = machine.blocks();
        return graph.attachments().stream()
                .map(a -> new BlockInfo(
                        "",
                        Optional.of(a.devicePath()),
                        "unknown",
                        false,
                        false,
                        Optional.of(info(graph.node(a.nodeName()).orElseThrow())),
                        Optional.of(BlockDeviceIoStatus.OK)))
                .toList();
    }

    private static BlockDeviceInfo info(BlockNode node) {
        ImageInfo image = new ImageInfo(
                node.filename(), node.driver(), node.virtualSize(), Optional.of(node.actualSize()), node.dirtyFlag());
        return new BlockDeviceInfo(
                node.filename(),
                Optional.of(node.nodeName()),
                node.readOnly(),
                node.driver(),
                0,
                false,
                BlockdevDetectZeroesOptions.OFF,
                0,
                0,
                0,
                0,
                0,
                0,
                image,
                new BlockdevCacheInfo(true, false, false),
                0);
    }
}
