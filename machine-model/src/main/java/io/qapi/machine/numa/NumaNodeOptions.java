package io.qapi.machine.numa;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code -numa node,...} or {@code set-numa-node} with {@code "type": "node"}.
 *
 * @param nodeId  {@code nodeid=}; when absent QEMU takes the number of nodes defined so far
 * @param cpus    {@code cpus=} CPU indexes (ranges already expanded), possibly empty
 * @param mem     {@code mem=} in bytes (machine types up to 5.0 only)
 * @param memdev  {@code memdev=}, the id of a memory backend object
 */
public record NumaNodeOptions(OptionalInt nodeId, List<Integer> cpus, OptionalLong mem, Optional<String> memdev) {

    /** Copies the CPU list; requires every member (empty for absent). */
    public NumaNodeOptions {
        Objects.requireNonNull(nodeId, "nodeId");
        cpus = List.copyOf(cpus);
        Objects.requireNonNull(mem, "mem");
        Objects.requireNonNull(memdev, "memdev");
    }

    /** A node with an id and a memory backend, the usual 7.2 form. */
    public static NumaNodeOptions withMemdev(int nodeId, String memdev) {
        return new NumaNodeOptions(OptionalInt.of(nodeId), List.of(), OptionalLong.empty(), Optional.of(memdev));
    }

    /** A memoryless node. */
    public static NumaNodeOptions memoryless(int nodeId) {
        return new NumaNodeOptions(OptionalInt.of(nodeId), List.of(), OptionalLong.empty(), Optional.empty());
    }
}
