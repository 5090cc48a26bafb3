package io.qapi.machine.preconfig;

/**
 * The machine's life cycle as QMP sees it. QEMU 7.2 has more internal phases; with
 * {@code --preconfig} its monitor first runs before the machine is initialised, and
 * {@code x-exit-preconfig} goes straight to ready. Without {@code --preconfig} the monitor only
 * ever sees {@link #READY}. Whether the guest then runs ({@code prelaunch} / {@code running}) is
 * the run state, a separate matter.
 */
public enum MachinePhase {
    /** {@code --preconfig}: the machine object exists but no board or device is created yet. */
    PRECONFIG,
    /** The machine is created and initialised ({@code x-exit-preconfig} done or never needed). */
    READY
}
