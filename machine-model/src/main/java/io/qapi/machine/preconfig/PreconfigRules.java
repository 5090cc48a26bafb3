package io.qapi.machine.preconfig;

import io.qapi.machine.numa.NumaCompletion;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.topology.CpuSlots;

/**
 * Which commands QEMU 7.2 accepts in which phase, and what {@code x-exit-preconfig} checks.
 * Texts from the real binary ({@code real-7.2/README.md} §8, transcripts in
 * {@code out/preconfig/}); their sources are {@code softmmu/qdev-monitor.c},
 * {@code hw/core/machine-qmp-cmds.c} and {@code softmmu/vl.c} at v7.2.0.
 */
public final class PreconfigRules {
    private PreconfigRules() {}

    /**
     * The gate every command passes before it runs: in preconfig only commands whose schema
     * has {@code allow-preconfig} may run.
     *
     * @param command        the command name, as the client sent it
     * @param allowPreconfig the command's {@code allow-preconfig} flag
     */
    public static void checkCommandAllowed(String command, boolean allowPreconfig, MachinePhase phase)
            throws PreconfigException {
        if (phase == MachinePhase.PRECONFIG && !allowPreconfig) {
            throw new PreconfigException(
                    "The command '" + command + "' is permitted only after machine initialization has completed");
        }
    }

    /** {@code x-exit-preconfig} works once, and only in preconfig. */
    public static void checkExitPreconfig(MachinePhase phase) throws PreconfigException {
        if (phase != MachinePhase.PRECONFIG) {
            throw new PreconfigException("The command is permitted only before machine initialization");
        }
    }

    /** {@code set-numa-node} works only before the machine is created. */
    public static void checkSetNumaNode(MachinePhase phase) throws PreconfigException {
        if (phase != MachinePhase.PRECONFIG) {
            throw new PreconfigException("The command is permitted only before the machine has been created");
        }
    }

    /**
     * {@code x-exit-preconfig}: refused once the machine is ready; otherwise the NUMA
     * configuration is checked and completed as QEMU does when it creates the machine.
     * <p>
     * Where QEMU 7.2 prints the failure on stderr and exits with status 1 without replying,
     * the model throws with the same text, to be sent as an error reply; the phase stays
     * {@link MachinePhase#PRECONFIG}, so the client may fix the configuration and try again.
     *
     * @param ramSize the machine's RAM ({@code -m}) in bytes
     * @return the NUMA configuration with every CPU slot mapped (unchanged without nodes)
     */
    public static NumaConfig exitPreconfig(MachinePhase phase, NumaConfig numa, long ramSize, CpuSlots slots)
            throws PreconfigException {
        checkExitPreconfig(phase);
        try {
            return NumaCompletion.complete(numa, ramSize, slots);
        } catch (NumaException e) {
            throw new PreconfigException(e.getMessage());
        }
    }
}
