package io.qapi.machine.numa;

import io.qapi.machine.topology.CpuSlot;
import io.qapi.machine.topology.CpuSlots;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What QEMU 7.2 checks and completes when the machine is created (at start-up, or at
 * {@code x-exit-preconfig}), in its order: node ids without gaps, memory totals, distances, then
 * the CPU-to-node mapping. In QEMU a failure here ends the process with status 1 and, in
 * preconfig, no QMP reply; the model reports the same text as an error instead.
 * Facts from {@code numa_complete_configuration} in {@code hw/core/numa.c} and
 * {@code machine_numa_finish_cpu_init} in {@code hw/core/machine.c} at v7.2.0.
 */
public final class NumaCompletion {
    private NumaCompletion() {}

    /**
     * Validates the configuration for a machine with {@code ramSize} bytes of RAM and returns it
     * with every CPU slot mapped to a node. Without NUMA nodes the configuration is returned
     * unchanged (implicit NUMA for memory hotplug is not modelled).
     */
    public static NumaConfig complete(NumaConfig config, long ramSize, CpuSlots slots) throws NumaException {
        if (config.nodeCount() == 0) {
            return config;
        }
        int maxNodeId =
                config.nodeMemory().keySet().stream().mapToInt(i -> i).max().orElse(-1);
        // large ids first, as QEMU reports them, "to make mistakes easier to spot"
        for (int id = maxNodeId; id >= 0; id--) {
            if (!config.nodeMemory().containsKey(id)) {
                throw new NumaException("numa: Node ID missing: " + id);
            }
        }
        long total =
                config.nodeMemory().values().stream().mapToLong(Long::longValue).sum();
        if (total != ramSize) {
            throw new NumaException("total memory for NUMA nodes (0x" + Long.toHexString(total)
                    + ") should equal RAM size (0x" + Long.toHexString(ramSize) + ")");
        }
        if (!config.distances().isEmpty()) {
            checkDistances(config);
        }
        return withCpuDefaults(config, slots);
    }

    private static void checkDistances(NumaConfig config) throws NumaException {
        int nodes = config.nodeCount();
        boolean asymmetric = false;
        for (int src = 0; src < nodes; src++) {
            for (int dst = src; dst < nodes; dst++) {
                int there = config.distance(src, dst);
                int back = config.distance(dst, src);
                if (there == 0 && back == 0 && src != dst) {
                    throw new NumaException("The distance between node " + src + " and " + dst
                            + " is missing, at least one distance value between each nodes "
                            + "should be provided.");
                }
                asymmetric |= there != 0 && back != 0 && there != back;
            }
        }
        if (!asymmetric) {
            return;
        }
        for (int src = 0; src < nodes; src++) {
            for (int dst = 0; dst < nodes; dst++) {
                if (src != dst && config.distance(src, dst) == 0) {
                    throw new NumaException("At least one asymmetrical pair of distances is "
                            + "given, please provide distances for both directions of all "
                            + "node pairs.");
                }
            }
        }
    }

    /**
     * With no CPU mapped, x86 puts each slot on node {@code socket-id % nodes}; with some mapped,
     * QEMU 7.2 puts the rest on node 0 (and warns that partial mappings are obsolete).
     */
    static NumaConfig withCpuDefaults(NumaConfig config, CpuSlots slots) {
        boolean noneMapped = config.nodeOfSlot().stream().noneMatch(OptionalInt::isPresent);
        List<OptionalInt> nodes = new ArrayList<>(config.nodeOfSlot());
        for (CpuSlot slot : slots.slots()) {
            if (nodes.get(slot.index()).isPresent()) {
                continue;
            }
            int node = noneMapped ? slot.props().socketId().orElse(0) % config.nodeCount() : 0;
            nodes.set(slot.index(), OptionalInt.of(node));
        }
        return new NumaConfig(
                config.nodeMemory(),
                nodes,
                config.distances(),
                config.usesMem(),
                config.usesMemdev(),
                config.memdevOfNode());
    }
}
