package io.qapi.machine.server;

import io.qapi.machine.fd.DescriptorException;
import io.qapi.machine.fd.FdSets;
import io.qapi.machine.fd.MonitorDescriptors;
import io.qapi.machine.fd.PassedDescriptor;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.server.CallingSession;
import io.qapi.schema.descriptors.AddFdArguments;
import io.qapi.schema.descriptors.AddfdInfo;
import io.qapi.schema.descriptors.FdsetFdInfo;
import io.qapi.schema.descriptors.FdsetInfo;
import io.qapi.schema.descriptors.RemoveFdArguments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The commands of {@code descriptors.json}: descriptors passed to a monitor ({@code getfd},
 * {@code closefd}) and the shared sets of {@code add-fd}. Only monitors that can receive
 * descriptors (the one on a socket inherited from libvirt, {@code cli.InheritedMonitor}) have a
 * {@link MonitorDescriptors}, found by the peer of the session a command came from; a command
 * from any other monitor has none, as QEMU's has none when the client sent none.
 */
final class FdModule {
    private final VirtualMachine machine;
    private final Map<String, MonitorDescriptors> monitors = new ConcurrentHashMap<>();
    private final FdSets sets = new FdSets();

    FdModule(VirtualMachine machine) {
        this.machine = machine;
    }

    /** The descriptors of the monitor whose sessions connect at {@code peer}. */
    MonitorDescriptors monitorAt(String peer) {
        return monitors.computeIfAbsent(peer, p -> new MonitorDescriptors());
    }

    private Optional<MonitorDescriptors> callingMonitor() {
        return CallingSession.peer().map(monitors::get);
    }

    void getfd(String name) {
        refusedAsQemu(() -> {
            callingMonitor().orElseThrow(FdModule::noneSupplied).keep(name);
            return null;
        });
    }

    void closefd(String name) {
        refusedAsQemu(() -> {
            Optional<MonitorDescriptors> monitor = callingMonitor();
            if (monitor.isEmpty()) {
                throw QmpError.generic("File descriptor named '" + name + "' not found");
            }
            monitor.get().close(name);
            return null;
        });
    }

    AddfdInfo addFd(AddFdArguments arguments) {
        return refusedAsQemu(() -> {
            PassedDescriptor descriptor =
                    callingMonitor().flatMap(MonitorDescriptors::take).orElseThrow(FdModule::noneSupplied);
            FdSets.Added added = sets.add(arguments.fdsetId(), arguments.opaque(), descriptor);
            return new AddfdInfo(added.fdsetId(), added.fd());
        });
    }

    void removeFd(RemoveFdArguments arguments) {
        refusedAsQemu(() -> {
            sets.remove(arguments.fdsetId(), arguments.fd(), machine.status().running());
            return null;
        });
    }

    List<FdsetInfo> queryFdsets() {
        return sets.sets().stream()
                .map(set -> new FdsetInfo(
                        set.id(),
                        set.members().stream()
                                .map(m -> new FdsetFdInfo(m.descriptor().number(), m.opaque()))
                                .toList()))
                .toList();
    }

    /** No monitor client is connected any more: QEMU then empties the sets while the guest runs. */
    void lastClientLeft() {
        sets.lastClientLeft(machine.status().running());
    }

    /** Closes every descriptor kept, as the process's end would. */
    void closeAll() {
        monitors.values().forEach(MonitorDescriptors::closeAll);
        sets.closeAll();
    }

    private static QmpError noneSupplied() {
        return QmpError.generic("No file descriptor supplied via SCM_RIGHTS");
    }

    private static <T> T refusedAsQemu(Supplier<T> command) {
        try {
            return command.get();
        } catch (DescriptorException e) {
            throw QmpError.generic(e.getMessage());
        }
    }
}
