package io.qapi.machine.server;

import io.qapi.machine.vm.Identity;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.machine.NameInfo;
import io.qapi.schema.machine.UuidInfo;

/** The commands of {@code machine.json}: what the machine is and which types the binary has. */
final class MachineModule {
    private final VirtualMachine machine;

    MachineModule(VirtualMachine machine) {
        this.machine = machine;
    }

    NameInfo queryName() {
        return new NameInfo(machine.identity().name());
    }

    UuidInfo queryUuid() {
        Identity identity = machine.identity();
        return new UuidInfo(identity.uuid());
    }
}
