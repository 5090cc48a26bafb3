package io.qapi.machine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.ObjectOptions;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.schema.qom.ObjectDelArguments;

/**
 * {@code object-add} and {@code object-del} of the objects the model records (see
 * {@link ObjectOptions}): memory backends then seen by {@code query-memdev} and NUMA nodes,
 * random number generator back ends and I/O threads.
 */
final class ObjectModule {
    private final VirtualMachine machine;

    ObjectModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void objectAdd(ObjectNode arguments) {
        ObjectOptions.Read object = ObjectOptions.read(arguments, Input.STRICT);
        machine.addObject(object.id(), object.type(), object.properties(), object.memory());
    }

    void objectDel(ObjectDelArguments arguments) {
        machine.deleteObject(arguments.id());
    }
}
