package io.qapi.machine.numa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.MachineTopologyFacts;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.machine.topology.SmpRules;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Checks at machine creation. Texts from {@code real-7.2/README.md} §8 (QEMU's stderr when
 * x-exit-preconfig made it exit) unless a comment names hw/core/numa.c of v7.2.0.
 */
class NumaCompletionTest {
    static final long MIB = 1024 * 1024;
    static final NumaMachineFacts PC = NumaMachineFacts.X86_MODERN;

    static CpuSlots pc(SmpOptions smp) throws Exception {
        MachineTopologyFacts pc = MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
        return CpuSlots.atStart(SmpRules.resolve(smp, pc), pc);
    }

    static String error(NumaConfig config, long ram, CpuSlots slots) {
        return assertThrows(NumaException.class, () -> NumaCompletion.complete(config, ram, slots))
                .getMessage();
    }

    @Test
    void memorylessNodesFailOn72() throws Exception {
        // --preconfig -machine pc -smp 4 -numa node,nodeid=0 -numa node,nodeid=1 (default -m 128M)
        CpuSlots slots = pc(SmpOptions.of(4, null, null, null, null, null, null));
        NumaConfig config = NumaConfig.empty(4)
                .addNode(NumaNodeOptions.memoryless(0), PC, slots, Map.of())
                .addNode(NumaNodeOptions.memoryless(1), PC, slots, Map.of());
        assertEquals(
                "total memory for NUMA nodes (0x0) should equal RAM size (0x8000000)", error(config, 128 * MIB, slots));
    }

    @Test
    void missingDistanceIsFatal() throws Exception {
        // memdev-S-dist-missing: dist 0->1 set, then node 2 added without distances
        CpuSlots slots = pc(SmpOptions.of(4, 8, 2, null, null, 4, 1));
        Map<String, Long> backends = Map.of("m0", 512 * MIB, "m1", 512 * MIB);
        NumaConfig config = NumaConfig.empty(8)
                .addNode(NumaNodeOptions.withMemdev(0, "m0"), PC, slots, backends)
                .addNode(NumaNodeOptions.withMemdev(1, "m1"), PC, slots, backends)
                .addDistance(0, 1, 20, PC)
                .addNode(NumaNodeOptions.memoryless(2), PC, slots, backends);
        assertEquals(
                "The distance between node 0 and 2 is missing, at least one distance value "
                        + "between each nodes should be provided.",
                error(config, 1024 * MIB, slots));
    }

    @Test
    void gapsAndAsymmetry() throws Exception {
        CpuSlots slots = pc(SmpOptions.of(2, null, null, null, null, null, null));
        Map<String, Long> backends = Map.of("m", 128 * MIB);
        NumaConfig gap = NumaConfig.empty(2).addNode(NumaNodeOptions.withMemdev(2, "m"), PC, slots, backends);
        // hw/core/numa.c: the largest missing id is reported first
        assertEquals("numa: Node ID missing: 1", error(gap, 128 * MIB, slots));
        NumaConfig asym = NumaConfig.empty(2)
                .addNode(NumaNodeOptions.withMemdev(0, "m"), PC, slots, backends)
                .addNode(NumaNodeOptions.memoryless(1), PC, slots, backends)
                .addNode(NumaNodeOptions.memoryless(2), PC, slots, backends)
                .addDistance(0, 1, 20, PC)
                .addDistance(1, 0, 30, PC)
                .addDistance(0, 2, 20, PC)
                .addDistance(1, 2, 20, PC);
        assertEquals(
                "At least one asymmetrical pair of distances is given, please provide "
                        + "distances for both directions of all node pairs.",
                error(asym, 128 * MIB, slots));
    }

    @Test
    void defaultMappingIsBySocket() throws Exception {
        // hw/i386/x86.c x86_get_default_cpu_node_id: socket-id % number of nodes
        CpuSlots slots = pc(SmpOptions.of(4, null, 4, null, null, 1, null));
        Map<String, Long> backends = Map.of("m0", 64 * MIB, "m1", 64 * MIB);
        NumaConfig config = NumaConfig.empty(4)
                .addNode(NumaNodeOptions.withMemdev(0, "m0"), PC, slots, backends)
                .addNode(NumaNodeOptions.withMemdev(1, "m1"), PC, slots, backends);
        NumaConfig done = NumaCompletion.complete(config, 128 * MIB, slots);
        OptionalInt zero = OptionalInt.of(0);
        OptionalInt one = OptionalInt.of(1);
        assertEquals(List.of(zero, one, zero, one), done.nodeOfSlot());
        // partly mapped: the rest go to node 0 (hw/core/machine.c machine_numa_finish_cpu_init)
        NumaConfig partial = config.mapCpus(CpuProps.of(1, 0, null, null, null, null), PC, slots);
        assertEquals(
                List.of(one, zero, zero, zero),
                NumaCompletion.complete(partial, 128 * MIB, slots).nodeOfSlot());
    }
}
