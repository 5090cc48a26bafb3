package io.qapi.machine.topology;

/** How a machine type numbers its possible CPUs (its {@code possible_cpu_arch_ids}). */
public enum SlotScheme {
    /**
     * x86 pc/q35: socket-id, die-id (only when dies &gt; 1), core-id and thread-id from the
     * CPU index, APIC ids packed with power-of-two field widths.
     */
    X86,
    /**
     * Arm {@code virt}: socket-id, cluster-id, core-id and thread-id from the CPU index, every
     * one always present; the boot CPUs only (no CPU hotplug).
     */
    ARM_VIRT,
    /** The machine cannot list CPU slots (machine {@code none}); NUMA CPU mapping is refused. */
    NONE
}
