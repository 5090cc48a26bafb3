package io.qapi.machine.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.board.RunningHardware;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.hardware.HardwareDescription;
import java.util.Optional;

/**
 * {@code query-hardware}: the running machine described, its board as {@code query-machine-type}
 * describes it under the machine's own type, options and defaults, with the devices added since.
 */
final class HardwareModule {
    private final VirtualMachine machine;
    private final MachineTypeDescriber describer;

    HardwareModule(VirtualMachine machine, MachineTypeDescriber describer) {
        this.machine = machine;
        this.describer = describer;
    }

    HardwareDescription queryHardware() {
        MachineParts parts = machine.parts();
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        parts.options().forEach(options::put);
        HardwareDescription board = describer.describe(parts.type().name(), Optional.of(options), parts.defaults());
        return RunningHardware.describe(board, machine.pci());
    }
}
