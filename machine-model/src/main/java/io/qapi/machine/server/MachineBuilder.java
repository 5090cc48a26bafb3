package io.qapi.machine.server;

import io.qapi.machine.vm.VirtualMachine;
import java.util.List;

/**
 * Builds a machine from a QEMU command line without serving it: how {@code plan-hardware} sees
 * what QEMU would build. The launcher provides it; the server knows no command-line syntax.
 */
@FunctionalInterface
public interface MachineBuilder {
    /**
     * The machine {@code argv} builds.
     *
     * @throws io.qapi.runtime.api.QmpError with QEMU's message for what it refuses
     */
    VirtualMachine build(List<String> argv);
}
