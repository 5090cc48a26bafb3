package io.qapi.machine.topology;

import java.util.Objects;

/**
 * One possible CPU of the machine.
 *
 * @param index      the CPU index (0 first; boot CPUs are indexes 0 to cpus-1)
 * @param archId     the architecture id: the APIC id on x86
 * @param props      the slot's address as {@code query-hotpluggable-cpus} shows it
 * @param type       the CPU QOM type
 * @param vcpusCount always 1 on x86
 */
public record CpuSlot(int index, long archId, CpuProps props, String type, int vcpusCount) {

    /** Requires an address and a type. */
    public CpuSlot {
        Objects.requireNonNull(props, "props");
        Objects.requireNonNull(type, "type");
    }
}
