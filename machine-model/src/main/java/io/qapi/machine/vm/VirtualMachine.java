package io.qapi.machine.vm;

import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.preconfig.MachinePhase;
import io.qapi.machine.preconfig.PreconfigException;
import io.qapi.machine.preconfig.PreconfigRules;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.runtime.QmpError;
import io.qapi.schema.EventEmitter;
import io.qapi.schema.control.ShutdownCause;
import io.qapi.schema.control.ShutdownEvent;
import io.qapi.schema.run_state.StatusInfo;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one machine a {@code qemu-model} process serves: its identity, run state and parts. Every
 * change goes through one lock, so that concurrent clients see one consistent machine and a
 * command that fails changes nothing (each part is immutable and replaced whole on success).
 */
public final class VirtualMachine {
    private final Object lock = new Object();
    private final Identity identity;
    private volatile MachineParts parts;
    private volatile MachinePhase phase;
    private final boolean pausedAfterPreconfig;
    private final RunControl run;
    private volatile EventEmitter events = EventEmitter.over((name, data) -> { });
    private volatile Runnable onQuit = () -> { };

    public VirtualMachine(Identity identity, MachineParts parts, boolean startPaused) {
        this(identity, parts, startPaused, false, startPaused);
    }

    /**
     * A machine that, with {@code preconfig}, waits in QEMU's preconfig phase until
     * {@code x-exit-preconfig}, and then runs unless {@code pausedAfterPreconfig} ({@code -S}).
     */
    public VirtualMachine(Identity identity, MachineParts parts, boolean startPaused, boolean preconfig,
            boolean pausedAfterPreconfig) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.phase = preconfig ? MachinePhase.PRECONFIG : MachinePhase.READY;
        this.pausedAfterPreconfig = pausedAfterPreconfig;
        this.run = new RunControl(startPaused, new RunControl.Events() {
            @Override
            public void stop() {
                events.stop();
            }

            @Override
            public void resume() {
                events.resume();
            }
        });
    }

    /** Connects the machine to where its events go (the QMP server) and to what ends the process. */
    public void attach(EventEmitter events, Runnable onQuit) {
        this.events = Objects.requireNonNull(events, "events");
        this.onQuit = Objects.requireNonNull(onQuit, "onQuit");
    }

    public Identity identity() {
        return identity;
    }

    public MachineParts parts() {
        return parts;
    }

    /** Whether the machine is still in preconfig, where only commands that allow it run. */
    public boolean inPreconfig() {
        return phase == MachinePhase.PRECONFIG;
    }

    /**
     * {@code set-numa-node}: one node, CPU mapping or distance added to the configuration, with
     * QEMU's checks. Unlike QEMU 7.2, which may keep part of a refused request, a refused one
     * changes nothing: the configuration is replaced only when the whole request is accepted.
     */
    public void setNumaNode(NumaRequest request) {
        locked(() -> {
            try {
                PreconfigRules.checkSetNumaNode(phase);
                MachineParts current = parts;
                CpuSlots slots = current.slots().orElseThrow(() -> QmpError.generic(
                        "NUMA of this machine type is not modeled by qemu-model"));
                NumaConfig next = request.applyTo(current.numa(), MachineParts.numaFacts(current.type()), slots,
                        current.backendSizes());
                parts = current.withNuma(next);
            } catch (PreconfigException | NumaException e) {
                throw QmpError.generic(e.getMessage());
            }
            return null;
        });
    }

    /**
     * {@code x-exit-preconfig}: the machine is created with the configuration made so far; a
     * configuration QEMU would exit on is refused with QEMU's text instead, and the machine
     * stays in preconfig to be corrected. Without {@code -S} the guest then runs (RESUME).
     */
    public void exitPreconfig() {
        locked(() -> {
            MachineParts current = parts;
            try {
                NumaConfig completed = current.slots().isPresent()
                        ? PreconfigRules.exitPreconfig(phase, current.numa(), current.ramBytes(), current.slots().get())
                        : checkedExit();
                parts = current.withNuma(completed == null ? current.numa() : completed);
            } catch (PreconfigException e) {
                throw QmpError.generic(e.getMessage());
            }
            phase = MachinePhase.READY;
            if (!pausedAfterPreconfig) {
                run.cont();
            }
            return null;
        });
    }

    /** The exit of a machine without CPU slots: only the phase is checked. */
    private NumaConfig checkedExit() throws PreconfigException {
        if (phase != MachinePhase.PRECONFIG) {
            throw new PreconfigException("The command is permitted only before machine initialization");
        }
        return null;
    }

    public StatusInfo status() {
        return locked(run::status);
    }

    public void stop() {
        locked(() -> {
            run.stop();
            return null;
        });
    }

    public void cont() {
        locked(() -> {
            run.cont();
            return null;
        });
    }

    /**
     * {@code quit}: QEMU replies, then says SHUTDOWN and ends. The reply is written after this
     * returns, so the event and the end come from the quit hook, which runs on its own thread.
     */
    public void quit() {
        Thread ending = new Thread(() -> {
            events.shutdown(new ShutdownEvent(false, ShutdownCause.HOST_QMP_QUIT));
            onQuit.run();
        }, "qemu-model-quit");
        ending.setDaemon(false);
        ending.start();
    }

    private <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }
}
