package io.qapi.machine.numa;

import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlot;
import io.qapi.machine.topology.CpuSlots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * The NUMA configuration of a machine: nodes with their memory, the node of each CPU slot, the
 * distances. Immutable: every change returns a new value or throws, so a failed
 * {@code set-numa-node} changes nothing.
 * <p>
 * QEMU 7.2 differs there: it applies {@code -numa cpu} slot by slot and {@code node,cpus=} CPU by
 * CPU, so a call that fails on a later slot (e.g. a wildcard hitting an already mapped CPU,
 * "CPU is already assigned to node-id: 1") leaves the earlier slots mapped (captured in
 * {@code real-7.2/out/preconfig/memdev-S-wildcard}). The model checks everything first.
 * Facts from {@code hw/core/numa.c} and {@code hw/core/machine.c} at v7.2.0.
 */
public record NumaConfig(
        Map<Integer, Long> nodeMemory,
        List<OptionalInt> nodeOfSlot,
        Map<Integer, Integer> distances,
        boolean usesMem,
        boolean usesMemdev,
        Map<Integer, String> memdevOfNode) {

    /** QEMU's MAX_NODES. */
    public static final int MAX_NODES = 128;
    /** QEMU's NUMA_DISTANCE_MIN, the local distance. */
    public static final int LOCAL_DISTANCE = 10;

    /** Copies the collections; {@code distances} is keyed by {@code src * MAX_NODES + dst}. */
    public NumaConfig {
        nodeMemory = Collections.unmodifiableMap(new TreeMap<>(nodeMemory));
        nodeOfSlot = List.copyOf(nodeOfSlot);
        distances = Collections.unmodifiableMap(new TreeMap<>(distances));
        memdevOfNode = Collections.unmodifiableMap(new TreeMap<>(memdevOfNode));
    }

    /** No NUMA option given, for a machine with {@code slotCount} possible CPUs. */
    public static NumaConfig empty(int slotCount) {
        return new NumaConfig(
                Map.of(), Collections.nCopies(slotCount, OptionalInt.empty()), Map.of(), false, false, Map.of());
    }

    /** The memory backends the nodes use ({@code memdev=}). */
    public Set<String> memdevs() {
        return Set.copyOf(memdevOfNode.values());
    }

    /** The number of nodes defined. */
    public int nodeCount() {
        return nodeMemory.size();
    }

    /**
     * Adds a node ({@code -numa node} / {@code set-numa-node} type node).
     *
     * @param backends the memory backend objects that exist: id to size in bytes
     */
    public NumaConfig addNode(NumaNodeOptions node, NumaMachineFacts facts, CpuSlots slots, Map<String, Long> backends)
            throws NumaException {
        requireNuma(facts);
        int id = node.nodeId().orElse(nodeCount());
        if (id >= MAX_NODES) {
            throw new NumaException("Max number of NUMA nodes reached: " + id);
        }
        if (nodeMemory.containsKey(id)) {
            throw new NumaException("Duplicate NUMA nodeid: " + id);
        }
        NumaConfig mapped = this;
        for (int cpu : node.cpus()) {
            if (cpu >= slots.slots().size()) {
                throw new NumaException("CPU index (" + cpu + ") should be smaller than maxcpus ("
                        + slots.slots().size() + ")");
            }
            CpuProps props = slots.slots().get(cpu).props().withNodeId(id);
            mapped = mapped.mapCpusUnchecked(props, slots);
        }
        boolean mem = node.mem().isPresent();
        boolean memdev = node.memdev().isPresent();
        if ((mem && usesMemdev) || (memdev && usesMem) || (mem && memdev)) {
            throw new NumaException(
                    "numa configuration should use either mem= or memdev=," + "mixing both is not allowed");
        }
        if (mem && !facts.memSupported()) {
            // QEMU adds the hint "Use -numa node,memdev instead" on a line of its own
            throw new NumaException("Parameter -numa node,mem is not supported by this machine type");
        }
        long size = node.mem().orElse(0);
        if (memdev) {
            Long backendSize = backends.get(node.memdev().get());
            if (backendSize == null) {
                throw new NumaException("memdev=" + node.memdev().get() + " is ambiguous");
            }
            size = backendSize;
        }
        Map<Integer, Long> nodes = new TreeMap<>(nodeMemory);
        nodes.put(id, size);
        Map<Integer, String> backendsUsed = new TreeMap<>(memdevOfNode);
        node.memdev().ifPresent(backend -> backendsUsed.put(id, backend));
        return new NumaConfig(nodes, mapped.nodeOfSlot, distances, usesMem || mem, usesMemdev || memdev, backendsUsed);
    }

    /**
     * Maps CPU slots to a node ({@code -numa cpu} / {@code set-numa-node} type cpu): every slot
     * matching the given ids; absent ids match any value.
     */
    public NumaConfig mapCpus(CpuProps props, NumaMachineFacts facts, CpuSlots slots) throws NumaException {
        requireNuma(facts);
        if (props.nodeId().isEmpty()) {
            throw new NumaException("Missing mandatory node-id property");
        }
        int node = props.nodeId().getAsInt();
        if (!nodeMemory.containsKey(node)) {
            throw new NumaException("Invalid node-id=" + node + ", NUMA node must be defined with "
                    + "-numa node,nodeid=ID before it's used with -numa cpu,node-id=ID");
        }
        if (!facts.cpuMappingSupported()) {
            throw new NumaException("mapping of CPUs to NUMA node is not supported");
        }
        return mapCpusUnchecked(props, slots);
    }

    private NumaConfig mapCpusUnchecked(CpuProps props, CpuSlots slots) throws NumaException {
        int node = props.nodeId().getAsInt();
        List<OptionalInt> next = new ArrayList<>(nodeOfSlot);
        boolean match = false;
        for (CpuSlot slot : slots.slots()) {
            CpuProps own = slot.props();
            requireSupported("thread-id", props.threadId(), own.threadId());
            requireSupported("core-id", props.coreId(), own.coreId());
            requireSupported("cluster-id", props.clusterId(), own.clusterId());
            requireSupported("socket-id", props.socketId(), own.socketId());
            requireSupported("die-id", props.dieId(), own.dieId());
            if (differs(props.threadId(), own.threadId())
                    || differs(props.coreId(), own.coreId())
                    || differs(props.clusterId(), own.clusterId())
                    || differs(props.dieId(), own.dieId())
                    || differs(props.socketId(), own.socketId())) {
                continue;
            }
            OptionalInt current = next.get(slot.index());
            if (current.isPresent() && current.getAsInt() != node) {
                throw new NumaException("CPU is already assigned to node-id: " + current.getAsInt());
            }
            match = true;
            next.set(slot.index(), OptionalInt.of(node));
        }
        if (!match) {
            throw new NumaException("no match found");
        }
        return new NumaConfig(nodeMemory, next, distances, usesMem, usesMemdev, memdevOfNode);
    }

    /** Sets a distance ({@code -numa dist} / {@code set-numa-node} type dist). */
    public NumaConfig addDistance(int src, int dst, int val, NumaMachineFacts facts) throws NumaException {
        requireNuma(facts);
        if (src >= MAX_NODES || dst >= MAX_NODES) {
            throw new NumaException("Parameter '" + (src >= MAX_NODES ? "src" : "dst")
                    + "' expects an integer between 0 and " + (MAX_NODES - 1));
        }
        if (!nodeMemory.containsKey(src) || !nodeMemory.containsKey(dst)) {
            throw new NumaException("Source/Destination NUMA node is missing. "
                    + "Please use '-numa node' option to declare it first.");
        }
        if (val < LOCAL_DISTANCE) {
            throw new NumaException(
                    "NUMA distance (" + val + ") is invalid, " + "it shouldn't be less than " + LOCAL_DISTANCE + ".");
        }
        if (src == dst && val != LOCAL_DISTANCE) {
            throw new NumaException("Local distance of node " + src + " should be " + LOCAL_DISTANCE + ".");
        }
        Map<Integer, Integer> next = new TreeMap<>(distances);
        next.put(src * MAX_NODES + dst, val);
        return new NumaConfig(nodeMemory, nodeOfSlot, next, usesMem, usesMemdev, memdevOfNode);
    }

    /** The distance set from {@code src} to {@code dst}, or 0 when none was given. */
    public int distance(int src, int dst) {
        return distances.getOrDefault(src * MAX_NODES + dst, 0);
    }

    private static void requireNuma(NumaMachineFacts facts) throws NumaException {
        if (!facts.numaSupported()) {
            throw new NumaException("NUMA is not supported by this machine-type");
        }
    }

    private static void requireSupported(String name, OptionalInt given, OptionalInt slot) throws NumaException {
        if (given.isPresent() && slot.isEmpty()) {
            throw new NumaException(name + " is not supported");
        }
    }

    private static boolean differs(OptionalInt given, OptionalInt slot) {
        return given.isPresent() && !given.equals(slot);
    }
}
