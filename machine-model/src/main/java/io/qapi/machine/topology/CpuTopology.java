package io.qapi.machine.topology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resolved CPU topology: every count known, the product of the hierarchy equal to
 * {@code maxcpus}, {@code cpus <= maxcpus}.
 */
public record CpuTopology(int cpus, int maxcpus, int sockets, int dies, int clusters, int cores, int threads) {

    /** Checks the invariants {@link SmpRules} guarantees, so no other value can exist. */
    public CpuTopology {
        if (cpus < 1 || sockets < 1 || dies < 1 || clusters < 1 || cores < 1 || threads < 1) {
            throw new IllegalArgumentException("every count must be at least 1");
        }
        if ((long) sockets * dies * clusters * cores * threads != maxcpus || cpus > maxcpus) {
            throw new IllegalArgumentException("inconsistent topology");
        }
    }

    /**
     * The value of {@code qom-get /machine smp}, members in the order the real QEMU 7.2 reply
     * shows them (captured in {@code out/hotplug-cpus/*.transcript.txt}).
     */
    public Map<String, Integer> smpProperty() {
        Map<String, Integer> smp = new LinkedHashMap<>();
        smp.put("cpus", cpus);
        smp.put("maxcpus", maxcpus);
        smp.put("threads", threads);
        smp.put("cores", cores);
        smp.put("dies", dies);
        smp.put("sockets", sockets);
        smp.put("clusters", clusters);
        return Collections.unmodifiableMap(smp);
    }
}
