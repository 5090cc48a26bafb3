/**
 * NUMA as QEMU 7.2 handles it: nodes, CPU-to-node mapping and distances from {@code -numa} and
 * {@code set-numa-node} ({@link io.qapi.machine.numa.NumaConfig}, atomic where QEMU applies
 * partially), and the checks and defaults applied when the machine is created
 * ({@link io.qapi.machine.numa.NumaCompletion}).
 */
package io.qapi.machine.numa;
