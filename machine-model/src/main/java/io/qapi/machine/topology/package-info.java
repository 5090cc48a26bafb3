/**
 * CPU topology as QEMU 7.2 computes it: {@link io.qapi.machine.topology.SmpRules} turns
 * {@code -smp} / {@code SMPConfiguration} into a {@link io.qapi.machine.topology.CpuTopology},
 * {@link io.qapi.machine.topology.CpuSlots} lists the possible CPUs as
 * {@code query-hotpluggable-cpus} and {@code query-cpus-fast} show them and checks CPU
 * {@code device_add}. Errors carry QEMU's exact texts.
 */
package io.qapi.machine.topology;
