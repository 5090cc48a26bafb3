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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code set-numa-node} / {@code -numa}. The machine is that of
 * {@code real-7.2/out/preconfig/memdev-S-max8.cmdline.txt} (pc, -smp
 * 4,sockets=2,cores=4,threads=1,maxcpus=8, -m 1G, nodes 0 and 1 on 512M backends m0 and m1);
 * texts from its transcript unless a comment names hw/core/numa.c of v7.2.0.
 */
class NumaConfigTest {
    static final long MIB = 1024 * 1024;
    static final Map<String, Long> BACKENDS = Map.of("m0", 512 * MIB, "m1", 512 * MIB);
    static final NumaMachineFacts PC = NumaMachineFacts.X86_MODERN;

    CpuSlots slots;
    NumaConfig twoNodes;

    @BeforeEach
    void machine() throws Exception {
        MachineTopologyFacts pc = MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
        slots = CpuSlots.atStart(SmpRules.resolve(SmpOptions.of(4, 8, 2, null, null, 4, 1), pc), pc);
        twoNodes = NumaConfig.empty(8)
                .addNode(NumaNodeOptions.withMemdev(0, "m0"), PC, slots, BACKENDS)
                .addNode(NumaNodeOptions.withMemdev(1, "m1"), PC, slots, BACKENDS);
    }

    String error(ThrowingCall call) {
        return assertThrows(NumaException.class, call::run).getMessage();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    static CpuProps cpu(Integer node, Integer socket, Integer core, Integer thread) {
        return CpuProps.of(node, socket, null, null, core, thread);
    }

    @Test
    void cpuMappingErrors() throws Exception {
        NumaConfig mapped = twoNodes.mapCpus(cpu(0, 0, 0, 0), PC, slots);
        assertEquals(
                "Invalid node-id=5, NUMA node must be defined with -numa node,nodeid=ID "
                        + "before it's used with -numa cpu,node-id=ID",
                error(() -> mapped.mapCpus(cpu(5, 0, 0, 0), PC, slots)));
        assertEquals("no match found", error(() -> mapped.mapCpus(cpu(0, 0, 99, 0), PC, slots)));
        assertEquals("CPU is already assigned to node-id: 0", error(() -> mapped.mapCpus(cpu(1, 0, 0, 0), PC, slots)));
        assertEquals("Missing mandatory node-id property", error(() -> mapped.mapCpus(cpu(null, 0, 0, 0), PC, slots)));
        // hw/core/machine.c: die-id is absent from slots with a single die
        assertEquals(
                "die-id is not supported", error(() -> mapped.mapCpus(CpuProps.of(0, 0, 0, null, 0, 0), PC, slots)));
    }

    @Test
    void partialPropsMapAWholeSocket() throws Exception {
        NumaConfig mapped = twoNodes.mapCpus(cpu(1, 1, null, null), PC, slots);
        OptionalInt one = OptionalInt.of(1);
        OptionalInt none = OptionalInt.empty();
        assertEquals(List.of(none, none, none, none, one, one, one, one), mapped.nodeOfSlot());
    }

    @Test
    void failedWildcardChangesNothing() throws Exception {
        // QEMU (memdev-S-wildcard) maps socket 0 to node 0 before failing on socket 1's slots;
        // the model is atomic: the value it was called on stays as it was, no new value exists
        NumaConfig socket1 = twoNodes.mapCpus(cpu(1, 1, null, null), PC, slots);
        assertEquals(
                "CPU is already assigned to node-id: 1",
                error(() -> socket1.mapCpus(cpu(0, null, null, null), PC, slots)));
        assertEquals(OptionalInt.empty(), socket1.nodeOfSlot().get(0));
    }

    @Test
    void nodeErrors() {
        assertEquals(
                "Duplicate NUMA nodeid: 1",
                error(() -> twoNodes.addNode(NumaNodeOptions.memoryless(1), PC, slots, BACKENDS)));
        assertEquals(
                "memdev=nope is ambiguous",
                error(() -> twoNodes.addNode(NumaNodeOptions.withMemdev(2, "nope"), PC, slots, BACKENDS)));
        // pc-7.2-mem: -numa node,nodeid=0,mem=64M on pc (7.2)
        NumaNodeOptions mem =
                new NumaNodeOptions(OptionalInt.of(0), List.of(), OptionalLong.of(64 * MIB), Optional.empty());
        assertEquals(
                "Parameter -numa node,mem is not supported by this machine type",
                error(() -> NumaConfig.empty(8).addNode(mem, PC, slots, BACKENDS)));
        // hw/core/numa.c parse_numa_node
        NumaNodeOptions mixed =
                new NumaNodeOptions(OptionalInt.of(2), List.of(), OptionalLong.of(64 * MIB), Optional.empty());
        assertEquals(
                "numa configuration should use either mem= or memdev=,mixing both is not " + "allowed",
                error(() -> twoNodes.addNode(mixed, new NumaMachineFacts(true, true, true), slots, BACKENDS)));
        NumaNodeOptions badCpu =
                new NumaNodeOptions(OptionalInt.of(2), List.of(8), OptionalLong.empty(), Optional.empty());
        assertEquals(
                "CPU index (8) should be smaller than maxcpus (8)",
                error(() -> twoNodes.addNode(badCpu, PC, slots, BACKENDS)));
        assertEquals(
                "NUMA is not supported by this machine-type",
                error(() -> twoNodes.addNode(
                        NumaNodeOptions.memoryless(2), new NumaMachineFacts(false, false, false), slots, BACKENDS)));
    }

    @Test
    void nodeCpusOptionMapsByIndex() throws Exception {
        NumaNodeOptions withCpus =
                new NumaNodeOptions(OptionalInt.of(2), List.of(6, 7), OptionalLong.empty(), Optional.empty());
        NumaConfig three = twoNodes.addNode(withCpus, PC, slots, BACKENDS);
        assertEquals(OptionalInt.of(2), three.nodeOfSlot().get(7));
        assertEquals(OptionalInt.empty(), three.nodeOfSlot().get(5));
    }

    @Test
    void distanceErrors() throws Exception {
        assertEquals("Local distance of node 0 should be 10.", error(() -> twoNodes.addDistance(0, 0, 20, PC)));
        assertEquals(
                "Source/Destination NUMA node is missing. Please use '-numa node' option to " + "declare it first.",
                error(() -> twoNodes.addDistance(0, 7, 20, PC)));
        // hw/core/numa.c parse_numa_distance
        assertEquals(
                "NUMA distance (9) is invalid, it shouldn't be less than 10.",
                error(() -> twoNodes.addDistance(0, 1, 9, PC)));
        assertEquals(
                "Parameter 'dst' expects an integer between 0 and 127",
                error(() -> twoNodes.addDistance(0, 128, 20, PC)));
        assertEquals(20, twoNodes.addDistance(0, 1, 20, PC).distance(0, 1));
    }
}
