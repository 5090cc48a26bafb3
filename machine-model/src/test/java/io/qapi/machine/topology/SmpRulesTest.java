package io.qapi.machine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code -smp} resolution. Expected texts and values come from the real qemu-system-x86_64 7.2
 * (stderr of the command line in each comment, program-name prefix removed) or from
 * {@code real-7.2/out/hotplug-cpus/*.transcript.txt} ({@code qom-get /machine smp}).
 */
class SmpRulesTest {
    static final MachineTopologyFacts PC = MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
    static final MachineTopologyFacts Q35 = MachineTopologyFacts.x86("pc-q35-7.2", 288, false);
    static final MachineTopologyFacts PC_5_0 = MachineTopologyFacts.x86("pc-i440fx-5.0", 255, true);

    static SmpOptions smp(
            Integer cpus, Integer maxcpus, Integer sockets, Integer dies, Integer cores, Integer threads) {
        return SmpOptions.of(cpus, maxcpus, sockets, dies, null, cores, threads);
    }

    static String error(SmpOptions options, MachineTopologyFacts facts) {
        return assertThrows(TopologyException.class, () -> SmpRules.resolve(options, facts))
                .getMessage();
    }

    @Test
    void coresArePreferredFrom62() throws Exception {
        // capture pc-smp4-max8: -machine pc -smp 4,maxcpus=8
        CpuTopology t = SmpRules.resolve(smp(4, 8, null, null, null, null), PC);
        assertEquals(
                Map.of("cpus", 4, "maxcpus", 8, "threads", 1, "cores", 8, "dies", 1, "sockets", 1, "clusters", 1),
                t.smpProperty());
    }

    @Test
    void socketsArePreferredBefore62() throws Exception {
        // README §5: pc-i440fx-5.0 -smp 4 still gives sockets=4
        CpuTopology t = SmpRules.resolve(smp(4, null, null, null, null, null), PC_5_0);
        assertEquals(new CpuTopology(4, 4, 4, 1, 1, 1, 1), t);
    }

    @Test
    void givenSocketsAndCoresLeaveThreadsToCompute() throws Exception {
        // capture pc-smp2-threads2-max4 is -smp 2,threads=2,maxcpus=4: cores = 4 / 2 = 2
        CpuTopology t = SmpRules.resolve(smp(2, 4, null, null, null, 2), PC);
        assertEquals(new CpuTopology(2, 4, 1, 1, 1, 2, 2), t);
        // -smp sockets=2,cores=3 without cpus: maxcpus and cpus are the product
        assertEquals(new CpuTopology(6, 6, 2, 1, 1, 3, 1), SmpRules.resolve(smp(null, null, 2, null, 3, null), PC));
        assertEquals(new CpuTopology(1, 1, 1, 1, 1, 1, 1), SmpRules.resolve(SmpOptions.NONE, PC));
    }

    @Test
    void explicitZeroIsTreatedAsOmitted() throws Exception {
        // qemu-system-x86_64 -machine pc -smp 0 starts (7.2 only deprecates zero)
        assertEquals(
                1, SmpRules.resolve(smp(0, null, null, null, null, null), PC).cpus());
    }

    @Test
    void productMustMatchMaxcpus() {
        // -machine pc -smp 4,sockets=3
        assertEquals(
                "Invalid CPU topology: product of the hierarchy must match maxcpus: "
                        + "sockets (3) * dies (1) * cores (1) * threads (1) != maxcpus (4)",
                error(smp(4, null, 3, null, null, null), PC));
        // -machine pc -smp cpus=4,sockets=2,cores=2,threads=2
        assertEquals(
                "Invalid CPU topology: product of the hierarchy must match maxcpus: "
                        + "sockets (2) * dies (1) * cores (2) * threads (2) != maxcpus (4)",
                error(smp(4, null, 2, null, 2, 2), PC));
    }

    @Test
    void maxcpusBelowCpus() {
        // -machine pc -smp 4,maxcpus=2
        assertEquals(
                "Invalid CPU topology: maxcpus must be equal to or greater than smp: "
                        + "sockets (1) * dies (1) * cores (2) * threads (1) == maxcpus (2) < smp_cpus (4)",
                error(smp(4, 2, null, null, null, null), PC));
    }

    @Test
    void machineMaximum() {
        // -machine pc -smp 300 / -machine q35 -smp 300
        assertEquals(
                "Invalid SMP CPUs 300. The max CPUs supported by machine 'pc-i440fx-7.2' " + "is 255",
                error(smp(300, null, null, null, null, null), PC));
        assertEquals(
                "Invalid SMP CPUs 300. The max CPUs supported by machine 'pc-q35-7.2' " + "is 288",
                error(smp(300, null, null, null, null, null), Q35));
    }

    @Test
    void machineMinimum() {
        MachineTopologyFacts needsTwo =
                new MachineTopologyFacts("two", 2, 8, false, false, false, false, "x", SlotScheme.NONE);
        // text from hw/core/machine-smp.c (no QEMU 7.2 machine on x86 has a minimum above 1)
        assertEquals(
                "Invalid SMP CPUs 1. The min CPUs supported by machine 'two' is 2", error(SmpOptions.NONE, needsTwo));
    }

    @Test
    void unsupportedLevels() {
        // -machine pc -smp 4,clusters=2
        assertEquals(
                "clusters not supported by this machine's CPU topology",
                error(SmpOptions.of(4, null, null, null, 2, null, null), PC));
        MachineTopologyFacts noDies = new MachineTopologyFacts(
                "virt-7.2", 1, 512, false, false, true, false, "cortex-a57-arm-cpu", SlotScheme.NONE);
        assertEquals(
                "dies not supported by this machine's CPU topology", error(smp(4, null, null, 2, null, null), noDies));
        // a level given as 1 is accepted even when unsupported
        assertEquals(
                4,
                assertDoesNotThrowResolve(SmpOptions.of(4, null, null, null, 1, null, null), PC)
                        .cpus());
    }

    @Test
    void clustersAppearInTheHierarchyTextWhereSupported() {
        MachineTopologyFacts virt = new MachineTopologyFacts(
                "virt-7.2", 1, 512, false, false, true, false, "cortex-a57-arm-cpu", SlotScheme.NONE);
        assertEquals(
                "Invalid CPU topology: product of the hierarchy must match maxcpus: "
                        + "sockets (3) * clusters (1) * cores (1) * threads (1) != maxcpus (4)",
                error(smp(4, null, 3, null, null, null), virt));
    }

    private static CpuTopology assertDoesNotThrowResolve(SmpOptions options, MachineTopologyFacts facts) {
        try {
            return SmpRules.resolve(options, facts);
        } catch (TopologyException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
