package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;

/** The commands of {@code control.json} that the model answers itself. */
final class ControlModule {
    private final VirtualMachine machine;

    ControlModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void quit() {
        machine.quit();
    }
}
