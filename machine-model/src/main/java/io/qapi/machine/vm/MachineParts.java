package io.qapi.machine.vm;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.board.MachineSelection;
import io.qapi.machine.board.SwitchedBoard;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.pack.MachineSwitch;
import io.qapi.machine.qom.MemoryBackend;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.CpuTopology;
import io.qapi.machine.topology.MachineTopologyFacts;
import io.qapi.runtime.api.QmpError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the machine is built of, fixed when it is created from the command line: the data pack
 * of the binary it models, the selected machine type, the CPU slots and the main memory.
 *
 * @param pack       the binary's captured data
 * @param type       the selected machine type
 * @param cpuFacts   the topology facts of the type, with the CPU model's QOM type
 * @param slots      the CPU slots; empty for machine types without CPU slots (none, virt)
 * @param ramBytes   the size of main memory
 * @param options    the machine options given with {@code -machine}, by name
 * @param backends   the memory backend objects, in command-line order
 * @param defaults   whether the board gets its default devices (no {@code -nodefaults})
 * @param numa       the NUMA configuration: completed once the machine is created, as given
 *                   so far while it is in preconfig
 * @param topology   the CPU topology {@code -smp} gave, every count filled in
 * @param board      the captured board under the machine's switches ({@code -machine q35,usb=on})
 */
public record MachineParts(
        MachinePack pack,
        MachineSelection type,
        MachineTopologyFacts cpuFacts,
        Optional<CpuSlots> slots,
        long ramBytes,
        Map<String, String> options,
        List<MemoryBackend> backends,
        boolean defaults,
        NumaConfig numa,
        CpuTopology topology,
        SwitchedBoard board) {

    public MachineParts {
        // in the order they were read (QEMU's own order of the option dictionary, in which it
        // applies them and reports the first it refuses)
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        backends = List.copyOf(backends);
    }

    /** These parts with another NUMA configuration, its CPU mapping shown on the slots. */
    public MachineParts withNuma(NumaConfig config) {
        Optional<CpuSlots> mapped = slots.map(s -> s.withNodes(config.nodeOfSlot()));
        return new MachineParts(
                pack, type, cpuFacts, mapped, ramBytes, options, backends, defaults, config, topology, board);
    }

    /** These parts with the CPU slots {@code next} (after a CPU is plugged). */
    public MachineParts withSlots(CpuSlots next) {
        return new MachineParts(
                pack, type, cpuFacts, Optional.of(next), ramBytes, options, backends, defaults, numa, topology, board);
    }

    /** These parts with other memory backend objects (after object-add or object-del). */
    public MachineParts withBackends(List<MemoryBackend> next) {
        return new MachineParts(pack, type, cpuFacts, slots, ramBytes, options, next, defaults, numa, topology, board);
    }

    /**
     * The id of main memory's backend object: the one {@code -machine memory-backend=} names, or
     * the one QEMU makes ({@code pc.ram}) when the type names one, the machine has memory, and
     * NUMA nodes do not bring their own with memdev=.
     */
    public Optional<String> mainRamId() {
        String given = options.get("memory-backend");
        if (given != null) {
            return Optional.of(given);
        }
        return type.defaultRamId().filter(id -> ramBytes > 0 && !numa.usesMemdev());
    }

    /** How many NUMA nodes the machine has (0 without NUMA). */
    public int numaNodes() {
        return numa.nodeCount();
    }

    /** What the NUMA rules need to know of a machine type. */
    public static NumaMachineFacts numaFacts(MachineSelection type) {
        return new NumaMachineFacts(true, type.numaMemSupported(), true);
    }

    /** The memory backends' sizes by id, as the NUMA rules look them up. */
    public Map<String, Long> backendSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        backends.forEach(b -> sizes.put(b.id(), b.size()));
        return sizes;
    }
    /**
     * QEMU's default memory size for a machine type that has main memory and no {@code -m}
     * (the generic machine class default of 128 MiB, which every type modeled here keeps; the
     * {@code none} type alone has none).
     */
    public static final long DEFAULT_RAM_BYTES = 128L << 20;

    /**
     * The reply QEMU gave to {@code command} on the captured board under the machine's switches.
     *
     * @throws QmpError when the pack lacks it, or the switches given each change it
     */
    public JsonNode capturedReply(String command) {
        return board.part(command)
                .orElseThrow(() -> QmpError.generic(
                        board.unknown().containsKey(command)
                                ? command + " of machine type '" + type.name() + "': " + board.whyUnknown(command)
                                : command + " of machine type '" + type.name() + "' is not in the machine data pack"));
    }

    /**
     * Whether a boolean machine switch is on ({@code mem-merge}, {@code dump-guest-core}): as
     * given with {@code -machine}, else as the captured board has it, else {@code otherwise}.
     */
    public boolean switchedOn(String property, boolean otherwise) {
        for (MachineSwitch given : board.switches()) {
            if (given.property().equals(property)) {
                return given.value().equals("on");
            }
        }
        return pack.board(type.name(), false)
                .flatMap(b -> MachineSwitch.current(b, property))
                .map("on"::equals)
                .orElse(otherwise);
    }

    /** The architecture's name as {@code query-target} gives it. */
    public String arch() {
        return pack.queryTarget().path("return").path("arch").asText();
    }
}
