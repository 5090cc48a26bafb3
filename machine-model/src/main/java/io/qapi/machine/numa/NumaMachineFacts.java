package io.qapi.machine.numa;

/**
 * What a machine type allows for NUMA.
 *
 * @param numaSupported        false for machines without NUMA state (e.g. {@code none})
 * @param memSupported         {@code numa-mem-supported} of {@code query-machines}: {@code mem=}
 *                             works (types up to 5.0)
 * @param cpuMappingSupported  the machine lists CPU slots (x86 pc/q35)
 */
public record NumaMachineFacts(boolean numaSupported, boolean memSupported, boolean cpuMappingSupported) {

    /** x86 pc/q35 of 5.1 or later: memdev only. */
    public static final NumaMachineFacts X86_MODERN = new NumaMachineFacts(true, false, true);
}
