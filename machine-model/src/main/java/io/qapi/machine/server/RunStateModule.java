package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.run_state.StatusInfo;

/** The commands of {@code run-state.json}: the machine's run state. */
final class RunStateModule {
    private final VirtualMachine machine;

    RunStateModule(VirtualMachine machine) {
        this.machine = machine;
    }

    StatusInfo queryStatus() {
        return machine.status();
    }

    void stop() {
        machine.stop();
    }

    void cont() {
        machine.cont();
    }
}
