package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.board.HardwareArgv;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.PlanHardwareArguments;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code query-hardware}: the running machine described, its board as {@code query-machine-type}
 * describes it under the machine's own type, options and defaults, with the devices added since;
 * and {@code plan-hardware}: the same for a machine built apart from a loose description.
 */
final class HardwareModule {
    private final VirtualMachine machine;
    private final MachineTypeDescriber describer;
    private final MachineBuilder builder;

    HardwareModule(VirtualMachine machine, MachineTypeDescriber describer, MachineBuilder builder) {
        this.machine = machine;
        this.describer = describer;
        this.builder = builder;
    }

    HardwareDescription queryHardware() {
        return machine.describe(describer);
    }

    /**
     * {@code plan-hardware}: the machine the equivalent command line builds ({@code -machine
     * TYPE,OPTIONS}, {@code -nodefaults} unless defaults are asked for, one {@code -device} per
     * device, in order), built apart from the running one and described.
     */
    HardwareDescription planHardware(PlanHardwareArguments arguments) {
        List<String> argv = new ArrayList<>();
        StringBuilder machineOption = new StringBuilder(arguments.type());
        arguments
                .props()
                .ifPresent(props -> props.fields()
                        .forEachRemaining(p -> machineOption
                                .append(',')
                                .append(p.getKey())
                                .append('=')
                                .append(HardwareArgv.value(p.getValue()))));
        argv.add("-machine");
        argv.add(machineOption.toString());
        if (!arguments.defaults().orElse(false)) {
            argv.add("-nodefaults");
        }
        for (JsonNode device : arguments.devices().orElse(List.of())) {
            if (!device.isObject() || !device.path("driver").isTextual()) {
                throw QmpError.generic("Parameter 'devices' expects objects with a 'driver'");
            }
            StringBuilder option = new StringBuilder(HardwareArgv.value(device.path("driver")));
            device.fields().forEachRemaining(p -> {
                if (!p.getKey().equals("driver")) {
                    option.append(',').append(p.getKey()).append('=').append(HardwareArgv.value(p.getValue()));
                }
            });
            argv.add("-device");
            argv.add(option.toString());
        }
        return builder.build(argv).describe(describer);
    }
}
