package io.qapi.machine.topology;

import java.util.OptionalInt;

/**
 * QEMU 7.2's {@code -smp} rules: how omitted counts are computed and which checks run, in
 * QEMU's order, with QEMU's messages (facts from {@code hw/core/machine-smp.c} at v7.2.0,
 * confirmed against the real binary in {@code SmpRulesAgainstQemuTest}).
 */
public final class SmpRules {
    private SmpRules() {
    }

    /**
     * Resolves the options for a machine type.
     *
     * @throws TopologyException with QEMU's text when the options are invalid for the type
     */
    public static CpuTopology resolve(SmpOptions options, MachineTopologyFacts facts)
            throws TopologyException {
        // An explicit 0 is only deprecated in 7.2 and then treated exactly like an omitted value.
        long cpus = given(options.cpus());
        long sockets = given(options.sockets());
        long dies = given(options.dies());
        long clusters = given(options.clusters());
        long cores = given(options.cores());
        long threads = given(options.threads());
        long maxcpus = given(options.maxcpus());

        if (!facts.diesSupported() && dies > 1) {
            throw new TopologyException("dies not supported by this machine's CPU topology");
        }
        if (!facts.clustersSupported() && clusters > 1) {
            throw new TopologyException("clusters not supported by this machine's CPU topology");
        }
        dies = atLeastOne(dies);
        clusters = atLeastOne(clusters);

        if (cpus == 0 && maxcpus == 0) {
            sockets = atLeastOne(sockets);
            cores = atLeastOne(cores);
            threads = atLeastOne(threads);
        } else {
            maxcpus = maxcpus > 0 ? maxcpus : cpus;
            if (facts.preferSockets() && sockets == 0) {
                cores = atLeastOne(cores);
                threads = atLeastOne(threads);
                sockets = maxcpus / (dies * clusters * cores * threads);
            } else if (facts.preferSockets() && cores == 0) {
                threads = atLeastOne(threads);
                cores = maxcpus / (sockets * dies * clusters * threads);
            } else if (!facts.preferSockets() && cores == 0) {
                sockets = atLeastOne(sockets);
                threads = atLeastOne(threads);
                cores = maxcpus / (sockets * dies * clusters * threads);
            } else if (!facts.preferSockets() && sockets == 0) {
                threads = atLeastOne(threads);
                sockets = maxcpus / (dies * clusters * cores * threads);
            }
            if (threads == 0) {
                threads = maxcpus / (sockets * dies * clusters * cores);
            }
        }
        maxcpus = maxcpus > 0 ? maxcpus : sockets * dies * clusters * cores * threads;
        cpus = cpus > 0 ? cpus : maxcpus;

        String hierarchy = hierarchy(facts, sockets, dies, clusters, cores, threads);
        if (sockets * dies * clusters * cores * threads != maxcpus) {
            throw new TopologyException("Invalid CPU topology: product of the hierarchy must match "
                    + "maxcpus: " + hierarchy + " != maxcpus (" + maxcpus + ")");
        }
        if (maxcpus < cpus) {
            throw new TopologyException("Invalid CPU topology: maxcpus must be equal to or greater "
                    + "than smp: " + hierarchy + " == maxcpus (" + maxcpus + ") < smp_cpus ("
                    + cpus + ")");
        }
        if (cpus < facts.minCpus()) {
            throw new TopologyException("Invalid SMP CPUs " + cpus + ". The min CPUs supported by "
                    + "machine '" + facts.machineName() + "' is " + facts.minCpus());
        }
        if (maxcpus > facts.maxCpus()) {
            throw new TopologyException("Invalid SMP CPUs " + maxcpus + ". The max CPUs supported "
                    + "by machine '" + facts.machineName() + "' is " + facts.maxCpus());
        }
        return new CpuTopology((int) cpus, (int) maxcpus, (int) sockets, (int) dies,
                (int) clusters, (int) cores, (int) threads);
    }

    private static long given(OptionalInt value) {
        return value.orElse(0);
    }

    private static long atLeastOne(long value) {
        return value > 0 ? value : 1;
    }

    /** QEMU lists only the levels the machine supports, largest first. */
    private static String hierarchy(MachineTopologyFacts facts, long sockets, long dies,
            long clusters, long cores, long threads) {
        StringBuilder text = new StringBuilder("sockets (").append(sockets).append(')');
        if (facts.diesSupported()) {
            text.append(" * dies (").append(dies).append(')');
        }
        if (facts.clustersSupported()) {
            text.append(" * clusters (").append(clusters).append(')');
        }
        text.append(" * cores (").append(cores).append(')');
        text.append(" * threads (").append(threads).append(')');
        return text.toString();
    }
}
