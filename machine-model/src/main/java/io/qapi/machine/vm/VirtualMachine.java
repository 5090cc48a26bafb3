package io.qapi.machine.vm;

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
    private final MachineParts parts;
    private final RunControl run;
    private volatile EventEmitter events = EventEmitter.over((name, data) -> { });
    private volatile Runnable onQuit = () -> { };

    public VirtualMachine(Identity identity, MachineParts parts, boolean startPaused) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.parts = Objects.requireNonNull(parts, "parts");
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
