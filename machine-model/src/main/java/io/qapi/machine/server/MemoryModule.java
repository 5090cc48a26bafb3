package io.qapi.machine.server;

import io.qapi.machine.qom.MemoryBackend;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.numa.HostMemPolicy;
import io.qapi.schema.numa.Memdev;
import io.qapi.schema.numa.MemoryInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The memory backends: main memory's own (absent when NUMA nodes provide the memory with
     * memdev=, as in QEMU 7.2, or when there is none; nodes with the legacy mem= still use it)
     * and the {@code -object} ones.
     */
    List<Memdev> queryMemdev() {
        machine.lookUpObjects();
        MachineParts parts = machine.parts();
        Map<String, MemoryBackend> backends = new HashMap<>();
        parts.backends().forEach(b -> backends.put(b.id(), b));
        Optional<String> mainRam = parts.mainRamId();
        // QEMU walks /objects in its hash table's order and prepends each backend to its reply
        List<String> order = new ArrayList<>(machine.objects());
        Collections.reverse(order);
        List<Memdev> memdevs = new ArrayList<>();
        for (String id : order) {
            if (mainRam.filter(id::equals).isPresent() && !backends.containsKey(id)) {
                memdevs.add(new Memdev(
                        Optional.of(id),
                        parts.ramBytes(),
                        parts.switchedOn("mem-merge", true),
                        parts.switchedOn("dump-guest-core", true),
                        false,
                        false,
                        Optional.of(true),
                        List.of(),
                        HostMemPolicy.DEFAULT));
            } else if (backends.containsKey(id)) {
                MemoryBackend backend = backends.get(id);
                memdevs.add(new Memdev(
                        Optional.of(backend.id()),
                        backend.size(),
                        backend.merge(),
                        backend.dump(),
                        backend.prealloc(),
                        backend.share(),
                        Optional.of(backend.reserve()),
                        List.of(),
                        HostMemPolicy.fromWireName(backend.policy())));
            }
        }
        return memdevs;
    }

    MemoryInfo queryMemorySizeSummary() {
        return new MemoryInfo(machine.parts().ramBytes(), Optional.of(0L));
    }
}
