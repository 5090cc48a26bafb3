package io.qapi.machine.topology;

import java.util.OptionalLong;

/**
 * QEMU 7.2's {@code -smp} rules: how omitted counts are computed and which checks run, in
 * QEMU's order, with QEMU's messages (facts from {@code hw/core/machine-smp.c} at v7.2.0,
 * confirmed against the real binary in {@code SmpRulesAgainstQemuTest}).
 */
public final class SmpRules {
    private SmpRules() {}

    /**
     * Resolves the options for a machine type.
     *
     * @throws TopologyException with QEMU's text when the options are invalid for the type
     */
    public static CpuTopology resolve(SmpOptions options, MachineTopologyFacts facts) throws TopologyException {
        // QEMU reads each count as a 64-bit integer and keeps its low 32 bits as an unsigned
        // int; everything after that is unsigned 32-bit arithmetic, wrapping as C does. Here a
        // count is a long in [0, 2^32), and every product is cut back to 32 bits.
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
                sockets = divide(maxcpus, product(dies, clusters, cores, threads));
            } else if (facts.preferSockets() && cores == 0) {
                threads = atLeastOne(threads);
                cores = divide(maxcpus, product(sockets, dies, clusters, threads));
            } else if (!facts.preferSockets() && cores == 0) {
                sockets = atLeastOne(sockets);
                threads = atLeastOne(threads);
                cores = divide(maxcpus, product(sockets, dies, clusters, threads));
            } else if (!facts.preferSockets() && sockets == 0) {
                threads = atLeastOne(threads);
                sockets = divide(maxcpus, product(dies, clusters, cores, threads));
            }
            if (threads == 0) {
                threads = divide(maxcpus, product(sockets, dies, clusters, cores));
            }
        }
        long hierarchyProduct = product(sockets, dies, clusters, cores, threads);
        maxcpus = maxcpus > 0 ? maxcpus : hierarchyProduct;
        cpus = cpus > 0 ? cpus : maxcpus;

        String hierarchy = hierarchy(facts, sockets, dies, clusters, cores, threads);
        if (hierarchyProduct != maxcpus) {
            throw new TopologyException("Invalid CPU topology: product of the hierarchy must match " + "maxcpus: "
                    + hierarchy + " != maxcpus (" + maxcpus + ")");
        }
        if (maxcpus < cpus) {
            throw new TopologyException("Invalid CPU topology: maxcpus must be equal to or greater "
                    + "than smp: " + hierarchy + " == maxcpus (" + maxcpus + ") < smp_cpus ("
                    + cpus + ")");
        }
        // these two messages print the unsigned counts as signed ints (%d)
        if (cpus < facts.minCpus()) {
            throw new TopologyException("Invalid SMP CPUs " + (int) cpus + ". The min CPUs supported by " + "machine '"
                    + facts.machineName() + "' is " + facts.minCpus());
        }
        if (maxcpus > facts.maxCpus()) {
            throw new TopologyException("Invalid SMP CPUs " + (int) maxcpus + ". The max CPUs supported "
                    + "by machine '" + facts.machineName() + "' is " + facts.maxCpus());
        }
        return new CpuTopology(
                (int) cpus, (int) maxcpus, (int) sockets, (int) dies, (int) clusters, (int) cores, (int) threads);
    }

    private static final long UINT32 = 0xFFFF_FFFFL;

    /** A count as QEMU keeps it: the low 32 bits of the 64-bit value given, unsigned. */
    private static long given(OptionalLong value) {
        return value.orElse(0) & UINT32;
    }

    /** An unsigned 32-bit product; Java's long product wraps modulo 2^64, so its low bits are C's. */
    private static long product(long... factors) {
        long product = 1;
        for (long factor : factors) {
            product = (product * factor) & UINT32;
        }
        return product;
    }

    /**
     * An unsigned 32-bit quotient. A divisor that wrapped to 0 stops QEMU with a division
     * fault; the model refuses the topology instead.
     */
    private static long divide(long dividend, long divisor) throws TopologyException {
        if (divisor == 0) {
            throw new TopologyException("Invalid CPU topology: the product of the given counts overflows");
        }
        return dividend / divisor;
    }

    private static long atLeastOne(long value) {
        return value > 0 ? value : 1;
    }

    /** QEMU lists only the levels the machine supports, largest first. */
    private static String hierarchy(
            MachineTopologyFacts facts, long sockets, long dies, long clusters, long cores, long threads) {
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
