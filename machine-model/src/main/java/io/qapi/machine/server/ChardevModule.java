package io.qapi.machine.server;

import io.qapi.machine.chardev.Chardev;
import io.qapi.machine.chardev.ChardevRules;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.char_.ChardevAddArguments;
import io.qapi.schema.char_.ChardevBackendInfo;
import io.qapi.schema.char_.ChardevInfo;
import io.qapi.schema.char_.ChardevRemoveArguments;
import io.qapi.schema.char_.ChardevReturn;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code chardev-add}, {@code chardev-remove}, {@code query-chardev} and
 * {@code query-chardev-backends}: the machine's {@code /chardevs} as QEMU 7.2 keeps it. A
 * monitor's socket is shown connected while a client is connected to it.
 */
final class ChardevModule {
    private final VirtualMachine machine;
    /** Whether a client is connected to the monitor socket at this path. */
    private final Predicate<String> connected;

    ChardevModule(VirtualMachine machine, Predicate<String> connected) {
        this.machine = machine;
        this.connected = connected;
    }

    List<ChardevInfo> queryChardev() {
        return machine.chardevs().listed().stream().map(this::info).toList();
    }

    private ChardevInfo info(Chardev chardev) {
        boolean live = chardev.monitorSocket().filter(connected).isPresent();
        // a -qmp monitor's device is named by its socket; a -mon one's by its back end, less "disconnected:"
        String filename = !live
                ? chardev.filename()
                : chardev.isMonitor()
                        ? ChardevRules.connected(chardev)
                        : chardev.filename().replaceFirst("^disconnected:", "");
        return new ChardevInfo(chardev.id(), filename, chardev.frontendOpen());
    }

    List<ChardevBackendInfo> queryChardevBackends() {
        return MachineModule.capturedList(machine.parts().pack().queryChardevBackends(), ChardevBackendInfo.DECODER);
    }

    ChardevReturn chardevAdd(ChardevAddArguments arguments) {
        String id = arguments.id();
        if (machine.chardevs().contains(id)) {
            throw QmpError.generic("Chardev with id '" + id + "' already exists");
        }
        Chardev chardev;
        try {
            chardev = ChardevRules.open(
                    id, arguments.backend(), machine.parts().pack().types()::exists, machine.ptys());
        } catch (QmpError e) {
            throw QmpError.generic("Failed to add chardev '" + id + "': " + e.desc());
        }
        machine.chardevs().add(chardev);
        Optional<String> pty = chardev.kind().equals("pty")
                ? Optional.of(chardev.filename().substring("pty:".length()))
                : Optional.empty();
        return new ChardevReturn(pty);
    }

    void chardevRemove(ChardevRemoveArguments arguments) {
        machine.chardevs().remove(arguments.id());
    }
}
