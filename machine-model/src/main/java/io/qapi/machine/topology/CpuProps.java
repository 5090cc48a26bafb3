package io.qapi.machine.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * QAPI {@code CpuInstanceProperties}: the address of a CPU slot, or the partial address given to
 * {@code device_add} / {@code set-numa-node}. Empty members are absent on the wire.
 */
public record CpuProps(
        OptionalInt nodeId,
        OptionalInt socketId,
        OptionalInt dieId,
        OptionalInt clusterId,
        OptionalInt coreId,
        OptionalInt threadId) {

    /** No member set. */
    public static final CpuProps NONE = new CpuProps(
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty());

    /** Builds props from nullable values, {@code null} meaning absent. */
    public static CpuProps of(
            Integer nodeId, Integer socketId, Integer dieId, Integer clusterId, Integer coreId, Integer threadId) {
        return new CpuProps(opt(nodeId), opt(socketId), opt(dieId), opt(clusterId), opt(coreId), opt(threadId));
    }

    /** The same address with {@code node-id} set. */
    public CpuProps withNodeId(int node) {
        return new CpuProps(OptionalInt.of(node), socketId, dieId, clusterId, coreId, threadId);
    }

    /**
     * The members present, in schema order (node-id, socket-id, die-id, cluster-id, core-id,
     * thread-id). QEMU's own reply orders them by its dictionary hashing; JSON readers ignore it.
     */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        nodeId.ifPresent(v -> map.put("node-id", v));
        socketId.ifPresent(v -> map.put("socket-id", v));
        dieId.ifPresent(v -> map.put("die-id", v));
        clusterId.ifPresent(v -> map.put("cluster-id", v));
        coreId.ifPresent(v -> map.put("core-id", v));
        threadId.ifPresent(v -> map.put("thread-id", v));
        return Collections.unmodifiableMap(map);
    }

    private static OptionalInt opt(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }
}
