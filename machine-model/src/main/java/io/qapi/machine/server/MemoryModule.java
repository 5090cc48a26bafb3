package io.qapi.machine.server;

import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.numa.HostMemPolicy;
import io.qapi.schema.numa.Memdev;
import io.qapi.schema.numa.MemoryInfo;
import java.util.List;
import java.util.Optional;

/**
 * The memory commands of {@code numa.json}. Main memory is a RAM backend named by the type's
 * {@code default-ram-id}, with the properties QEMU 7.2 gives an implicit one (merge, dump and
 * reserve on, no preallocation or sharing, the host's default policy).
 */
final class MemoryModule {
    private final VirtualMachine machine;

    MemoryModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<Memdev> queryMemdev() {
        MachineParts parts = machine.parts();
        return parts.type().defaultRamId().filter(id -> parts.ramBytes() > 0)
                .map(id -> List.of(new Memdev(Optional.of(id), parts.ramBytes(), true, true, false, false,
                        Optional.of(true), List.of(), HostMemPolicy.DEFAULT)))
                .orElse(List.of());
    }

    MemoryInfo queryMemorySizeSummary() {
        return new MemoryInfo(machine.parts().ramBytes(), Optional.of(0L));
    }
}
