package io.qapi.machine.vm;

import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.topology.CpuSlots;
import java.util.Map;

/** One {@code set-numa-node} request (a node, a CPU mapping or a distance), applied by the NUMA rules. */
@FunctionalInterface
public interface NumaRequest {
    /** The configuration with this request applied; {@code config} itself is not changed. */
    NumaConfig applyTo(NumaConfig config, NumaMachineFacts facts, CpuSlots slots, Map<String, Long> backendSizes)
            throws NumaException;
}
