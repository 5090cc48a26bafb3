package io.qapi.machine.topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;

/**
 * The possible CPUs of a machine and which are plugged; immutable, each change returns a new
 * value. Facts from QEMU 7.2's {@code hw/i386/x86.c} ({@code x86_possible_cpu_arch_ids},
 * {@code x86_cpu_pre_plug}) and {@code hw/core/machine-qmp-cmds.c}.
 */
public final class CpuSlots {
    private final CpuTopology topology;
    private final MachineTopologyFacts facts;
    private final List<CpuSlot> slots;
    private final BitSet plugged;

    private CpuSlots(CpuTopology topology, MachineTopologyFacts facts, List<CpuSlot> slots, BitSet plugged) {
        this.topology = topology;
        this.facts = facts;
        this.slots = slots;
        this.plugged = plugged;
    }

    /**
     * The slots of a resolved topology with the boot CPUs (indexes 0 to cpus-1) plugged.
     *
     * @throws IllegalArgumentException for a machine whose slot scheme lists no slots
     */
    public static CpuSlots atStart(CpuTopology topology, MachineTopologyFacts facts) {
        if (facts.slotScheme() == SlotScheme.NONE) {
            throw new IllegalArgumentException("no CPU slots for slot scheme " + facts.slotScheme());
        }
        List<CpuSlot> slots = new ArrayList<>();
        for (int index = 0; index < topology.maxcpus(); index++) {
            slots.add(
                    facts.slotScheme() == SlotScheme.X86
                            ? x86Slot(topology, facts, index)
                            : armSlot(topology, facts, index));
        }
        BitSet plugged = new BitSet();
        plugged.set(0, topology.cpus());
        return new CpuSlots(topology, facts, List.copyOf(slots), plugged);
    }

    private static CpuSlot armSlot(CpuTopology t, MachineTopologyFacts facts, int index) {
        int thread = index % t.threads();
        int core = index / t.threads() % t.cores();
        int cluster = index / (t.cores() * t.threads()) % t.clusters();
        int socket = index / (t.clusters() * t.cores() * t.threads());
        return new CpuSlot(index, index, CpuProps.of(null, socket, null, cluster, core, thread), facts.cpuType(), 1);
    }

    private static CpuSlot x86Slot(CpuTopology t, MachineTopologyFacts facts, int index) {
        int thread = index % t.threads();
        int core = index / t.threads() % t.cores();
        int die = index / (t.cores() * t.threads()) % t.dies();
        int socket = index / (t.dies() * t.cores() * t.threads());
        // die-id appears only with more than one die, as in QEMU (it was optional before 4.1).
        CpuProps props = CpuProps.of(null, socket, t.dies() > 1 ? die : null, null, core, thread);
        return new CpuSlot(index, X86ApicIds.apicId(t, socket, die, core, thread), props, facts.cpuType(), 1);
    }

    /**
     * QEMU's refusal of {@code query-hotpluggable-cpus} on machines without CPU hotplug
     * ({@code none}, arm {@code virt}).
     *
     * @throws TopologyException "The feature 'query-hotpluggable-cpus' is not enabled"
     */
    public static void checkHotpluggable(MachineTopologyFacts facts) throws TopologyException {
        if (!facts.hotpluggableCpus()) {
            throw new TopologyException("The feature 'query-hotpluggable-cpus' is not enabled");
        }
    }

    /** The slots in CPU index order. */
    public List<CpuSlot> slots() {
        return slots;
    }

    /** The slots as {@code query-hotpluggable-cpus} lists them: highest index first. */
    public List<CpuSlot> hotpluggableOrder() {
        List<CpuSlot> reversed = new ArrayList<>(slots);
        Collections.reverse(reversed);
        return Collections.unmodifiableList(reversed);
    }

    /** Whether the slot holds a CPU (then it has a {@code qom-path}). */
    public boolean isPlugged(int index) {
        return plugged.get(index);
    }

    /** The plugged slots in cpu-index order: the entries of {@code query-cpus-fast}. */
    public List<CpuSlot> pluggedSlots() {
        return slots.stream().filter(slot -> plugged.get(slot.index())).toList();
    }

    /** The topology these slots were made for. */
    public CpuTopology topology() {
        return topology;
    }

    /** The same slots with NUMA node ids from {@code nodeOfSlot} (index → node). */
    public CpuSlots withNodes(List<OptionalInt> nodeOfSlot) {
        if (nodeOfSlot.size() != slots.size()) {
            throw new IllegalArgumentException("need a node entry for each of " + slots.size());
        }
        List<CpuSlot> mapped = new ArrayList<>();
        for (CpuSlot slot : slots) {
            OptionalInt node = nodeOfSlot.get(slot.index());
            CpuProps props = node.isPresent() ? slot.props().withNodeId(node.getAsInt()) : slot.props();
            mapped.add(new CpuSlot(slot.index(), slot.archId(), props, slot.type(), 1));
        }
        return new CpuSlots(topology, facts, List.copyOf(mapped), (BitSet) plugged.clone());
    }

    /**
     * Checks a CPU {@code device_add} as QEMU 7.2's x86 pre-plug does, in its order.
     *
     * @param driver the {@code driver} argument
     * @param props  the socket-id, die-id, core-id, thread-id and node-id given
     * @return the index of the free slot the CPU goes into (its cpu-index)
     * @throws TopologyException with QEMU's text; nothing changes
     */
    public int checkCpuDeviceAdd(String driver, CpuProps props) throws TopologyException {
        if (!facts.cpuType().equals(driver)) {
            throw new TopologyException("Invalid CPU type, expected cpu type: '" + facts.cpuType() + "'");
        }
        CpuTopology t = topology;
        int maxSocket = (t.maxcpus() - 1) / t.threads() / t.cores() / t.dies();
        OptionalInt die = props.dieId().isEmpty() && t.dies() == 1 ? OptionalInt.of(0) : props.dieId();
        int socket = required("socket", props.socketId(), maxSocket);
        int dieId = required("die", die, t.dies() - 1);
        int core = required("core", props.coreId(), t.cores() - 1);
        int thread = required("thread", props.threadId(), t.threads() - 1);
        long apicId = X86ApicIds.apicId(t, socket, dieId, core, thread);
        CpuSlot slot = slots.stream()
                .filter(s -> s.archId() == apicId)
                .findFirst()
                .orElseThrow(() -> new TopologyException("Invalid CPU [socket: " + socket + ", die: " + dieId
                        + ", core: " + core + ", thread: " + thread + "] with APIC ID " + apicId
                        + ", valid index range 0:" + (slots.size() - 1)));
        if (plugged.get(slot.index())) {
            throw new TopologyException("CPU[" + slot.index() + "] with APIC ID " + apicId + " exists");
        }
        OptionalInt slotNode = slot.props().nodeId();
        if (props.nodeId().isPresent() && slotNode.isPresent() && props.nodeId().getAsInt() != slotNode.getAsInt()) {
            throw new TopologyException("invalid node-id, must be " + slotNode.getAsInt());
        }
        return slot.index();
    }

    /** The same slots with one more plugged (after {@link #checkCpuDeviceAdd} succeeded). */
    public CpuSlots withPlugged(int index) {
        if (index < 0 || index >= slots.size() || plugged.get(index)) {
            throw new IllegalArgumentException("slot " + index + " is not a free slot");
        }
        BitSet next = (BitSet) plugged.clone();
        next.set(index);
        return new CpuSlots(topology, facts, slots, next);
    }

    /**
     * What {@code device_del} of a CPU answers in QEMU 7.2 before the guest has switched ACPI CPU
     * hotplug to its modern interface, i.e. always for a model that runs no guest.
     */
    public String cpuDeviceDelError() {
        return "acpi: device unplug request for not supported device type: " + facts.cpuType();
    }

    private static int required(String level, OptionalInt value, int max) throws TopologyException {
        if (value.isEmpty()) {
            throw new TopologyException("CPU " + level + "-id is not set");
        }
        if (value.getAsInt() > max) {
            throw new TopologyException(
                    "Invalid CPU " + level + "-id: " + value.getAsInt() + " must be in range 0:" + max);
        }
        return value.getAsInt();
    }
}
