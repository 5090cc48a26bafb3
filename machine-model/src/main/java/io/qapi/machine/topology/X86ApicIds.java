package io.qapi.machine.topology;

/**
 * x86 APIC id layout of QEMU 7.2 ({@code include/hw/i386/topology.h}): thread, core, die and
 * socket fields from low to high, each as wide as needed for its count rounded up to a power of
 * two. So with 3 cores per socket, socket 1 starts at APIC id 4, not 3.
 */
final class X86ApicIds {
    private X86ApicIds() {}

    static long apicId(CpuTopology topology, int socket, int die, int core, int thread) {
        int coreOffset = width(topology.threads());
        int dieOffset = coreOffset + width(topology.cores());
        int socketOffset = dieOffset + width(topology.dies());
        return ((long) socket << socketOffset) | ((long) die << dieOffset) | ((long) core << coreOffset) | thread;
    }

    /** The bits needed for ids 0 to count-1. */
    static int width(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }
}
