package io.qapi.machine.topology;

import java.util.Objects;

/**
 * What a machine type says about CPUs, as captured from QEMU 7.2 ({@code query-machines} and the
 * machine class): the lead supplies these per machine type.
 *
 * @param machineName      the full type name QEMU prints in messages, e.g. {@code pc-i440fx-7.2}
 * @param minCpus          the machine class's minimum CPU count (1 for x86)
 * @param maxCpus          the {@code cpu-max} of {@code query-machines} (255 for i440fx, 288 for q35)
 * @param preferSockets    true for x86 types before 6.2: omitted counts go to sockets first
 * @param diesSupported    x86 pc/q35: true
 * @param clustersSupported arm virt: true; x86: false
 * @param hotpluggableCpus the {@code hotpluggable-cpus} of {@code query-machines}
 * @param cpuType          the QOM type of the CPUs, e.g. {@code qemu64-x86_64-cpu}
 * @param slotScheme       how the possible CPUs are numbered
 */
public record MachineTopologyFacts(
        String machineName,
        int minCpus,
        int maxCpus,
        boolean preferSockets,
        boolean diesSupported,
        boolean clustersSupported,
        boolean hotpluggableCpus,
        String cpuType,
        SlotScheme slotScheme) {

    /** Requires names and a sane CPU range. */
    public MachineTopologyFacts {
        Objects.requireNonNull(machineName, "machineName");
        Objects.requireNonNull(cpuType, "cpuType");
        Objects.requireNonNull(slotScheme, "slotScheme");
        if (minCpus < 0 || maxCpus < minCpus) {
            throw new IllegalArgumentException("bad CPU range " + minCpus + ":" + maxCpus);
        }
    }

    /** An x86 pc or q35 type of QEMU 7.2 with the default {@code qemu64} CPU. */
    public static MachineTopologyFacts x86(String machineName, int maxCpus, boolean preferSockets) {
        return new MachineTopologyFacts(
                machineName, 1, maxCpus, preferSockets, true, false, true, "qemu64-x86_64-cpu", SlotScheme.X86);
    }
}
