package io.qapi.machine.vm;

import io.qapi.runtime.api.QmpError;
import io.qapi.schema.run_state.RunState;
import io.qapi.schema.run_state.StatusInfo;

/**
 * The machine's run state and the commands that move it, as QEMU 7.2 moves it. The model runs no
 * guest, so only the client can change the state: {@code stop}, {@code cont}, leaving preconfig.
 * <p>
 * QEMU's rules kept here (checked on the 7.2 binary): {@code stop} pauses only a running machine
 * (in prelaunch it changes nothing and says nothing); {@code cont} of a machine that already
 * runs changes nothing and says nothing, otherwise it runs the machine with RESUME; a machine
 * started without {@code -S} runs from the start. Not thread-safe: {@link VirtualMachine} serialises every change.
 */
public final class RunControl {
    /** Where the events go; {@link VirtualMachine} forwards them to every QMP session. */
    public interface Events {
        void stop();

        void resume();
    }

    private final Events events;
    private RunState state;

    public RunControl(boolean startPaused, Events events) {
        this.events = events;
        this.state = startPaused ? RunState.PRELAUNCH : RunState.RUNNING;
    }

    public StatusInfo status() {
        return new StatusInfo(state == RunState.RUNNING, false, state);
    }

    public RunState state() {
        return state;
    }

    /** {@code stop}: pauses a running machine, with STOP. */
    public void stop() {
        if (state == RunState.RUNNING) {
            state = RunState.PAUSED;
            events.stop();
        }
    }

    /** {@code cont}: starts or resumes the machine, with RESUME. */
    public void cont() {
        switch (state) {
            case SHUTDOWN, INTERNAL_ERROR, GUEST_PANICKED, WATCHDOG ->
                throw QmpError.generic("Resetting the Virtual Machine is required");
            case SUSPENDED -> throw QmpError.generic("Unable to resume: guest is suspended. Use system_wakeup command");
            case RUNNING -> {}
            default -> {
                state = RunState.RUNNING;
                events.resume();
            }
        }
    }

    /**
     * The machine was created at the end of preconfig: without {@code -S} it starts running (and
     * says RESUME), with it it waits in prelaunch.
     */
    public void machineCreated(boolean startPaused) {
        if (!startPaused) {
            state = RunState.RUNNING;
            events.resume();
        }
    }
}
