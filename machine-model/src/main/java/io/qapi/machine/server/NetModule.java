package io.qapi.machine.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.net.NetdevDelArguments;

/** {@code netdev_add} and {@code netdev_del}: the machine's network back ends (see {@link io.qapi.machine.net}). */
final class NetModule {
    private final VirtualMachine machine;

    NetModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void netdevAdd(ObjectNode arguments) {
        machine.addNetdev(arguments);
    }

    void netdevDel(NetdevDelArguments arguments) {
        machine.deleteNetdev(arguments.id());
    }
}
