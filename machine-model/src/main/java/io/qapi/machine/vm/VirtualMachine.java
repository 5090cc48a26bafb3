package io.qapi.machine.vm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.block.BlockDevices;
import io.qapi.machine.block.BlockGraph;
import io.qapi.machine.block.BlockdevRequest;
import io.qapi.machine.board.BoardTree;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.board.RunningHardware;
import io.qapi.machine.chardev.ChardevRules;
import io.qapi.machine.chardev.Chardevs;
import io.qapi.machine.isa.IsaDevice;
import io.qapi.machine.isa.IsaException;
import io.qapi.machine.isa.IsaMachine;
import io.qapi.machine.isa.IsaRules;
import io.qapi.machine.net.Netdevs;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaException;
import io.qapi.machine.pci.DeviceOptions;
import io.qapi.machine.pci.DeviceRequest;
import io.qapi.machine.pci.PciBus;
import io.qapi.machine.pci.PciMachine;
import io.qapi.machine.pci.PlacementException;
import io.qapi.machine.preconfig.MachinePhase;
import io.qapi.machine.preconfig.PreconfigException;
import io.qapi.machine.preconfig.PreconfigRules;
import io.qapi.machine.qom.GHashTableOrder;
import io.qapi.machine.qom.MemoryBackend;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.TopologyException;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.server.CallingSession;
import io.qapi.schema.EventEmitter;
import io.qapi.schema.control.ShutdownCause;
import io.qapi.schema.control.ShutdownEvent;
import io.qapi.schema.hardware.BackendsDescription;
import io.qapi.schema.hardware.BlockdevDescription;
import io.qapi.schema.hardware.ChardevDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineDescription;
import io.qapi.schema.hardware.NetdevDescription;
import io.qapi.schema.hardware.NumaDescription;
import io.qapi.schema.hardware.NumaDistanceDescription;
import io.qapi.schema.hardware.NumaNodeDescription;
import io.qapi.schema.hardware.ObjectDescription;
import io.qapi.schema.qom.DeviceDeletedEvent;
import io.qapi.schema.run_state.StatusInfo;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The one machine a {@code qemu-model} process serves: its identity, run state and parts. Every
 * change goes through one lock, so that concurrent clients see one consistent machine and a
 * command that fails changes nothing (each part is immutable and replaced whole on success).
 */
public final class VirtualMachine {
    private final Object lock = new Object();
    private final Identity identity;
    private volatile MachineParts parts;
    private volatile MachinePhase phase;
    private final boolean pausedAfterPreconfig;
    /** The QOM paths of the CPUs plugged with device_add, by cpu-index. */
    private volatile Map<Integer, String> hotpluggedCpus = Map.of();
    /** The devices added with device_add: QOM path → QOM type, in the order they were added. */
    private final Map<String, String> added = new LinkedHashMap<>();
    /** A copy of {@link #added} for readers, made when first read after a change. */
    private volatile Map<String, String> addedSnapshot = Map.of();

    private int anonymousDevices;
    /** Whether {@code -cpu} gave features, which change the CPU objects' property values. */
    private volatile boolean cpuFeaturesGiven;
    /** Where a device added with an id goes in the QOM tree (the others go to peripheral-anon). */
    private static final String PERIPHERAL = "/machine/peripheral/";

    private volatile boolean objectsLookedUp;
    /** The ISA side, read from the board on first use ({@link #isaRead}); null for none. */
    private IsaMachine isa;

    private boolean isaRead;
    /** The PCI side, read from the board on first use ({@link #pciRead}); null for none. */
    private PciMachine pci;

    private boolean pciRead;
    /**
     * The children of /machine/peripheral and /machine/peripheral-anon as QEMU's hash tables
     * hold them: every name given, including those of devices refused after they were named.
     */
    private final GHashTableOrder peripheral = new GHashTableOrder();

    private final GHashTableOrder anonymous = new GHashTableOrder();
    /** The children of /objects in QEMU's hash-table order, and each one's QOM type. */
    private final GHashTableOrder objects = new GHashTableOrder();

    private final Map<String, String> objectTypes = new HashMap<>();
    /** The properties each object was given, in the order the objects were made (main memory's left out). */
    private final Map<String, ObjectNode> objectProperties = new LinkedHashMap<>();

    private static final String MEMORY_BACKEND_RAM = "memory-backend-ram";
    /** The MAC addresses of the NICs added, given or chosen. */
    private final Set<String> macs = new HashSet<>();
    /** The numbers a described machine's anonymous devices had, for the next ones added. */
    private final ArrayDeque<Integer> anonymousPlan = new ArrayDeque<>();

    private final RunControl run;
    /** The character devices: the monitors', the command line's, the default ports', the added. */
    private final Chardevs chardevs = new Chardevs();

    private final ChardevRules.PtyNumbers ptys = new ChardevRules.PtyNumbers();
    /** The block nodes and the devices attached to them; replaced whole under the lock. */
    private volatile BlockGraph blocks = BlockGraph.EMPTY;

    private volatile Netdevs netdevs = Netdevs.NONE;
    private volatile EventEmitter events = EventEmitter.over((name, data) -> {});
    private volatile Runnable onQuit = () -> {};

    /**
     * A machine that starts paused with {@code paused} ({@code -S}), and with {@code preconfig}
     * waits in QEMU's preconfig phase until {@code x-exit-preconfig}, then runs unless paused.
     */
    public VirtualMachine(Identity identity, MachineParts parts, boolean paused, boolean preconfig) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.phase = preconfig ? MachinePhase.PRECONFIG : MachinePhase.READY;
        this.pausedAfterPreconfig = paused;
        // /objects as QEMU fills it: the -object ones first (addCommandLineBackend, addObject),
        // then main memory's once the machine is made (objectsMade)
        this.run = new RunControl(paused || preconfig, new RunControl.Events() {
            @Override
            public void stop() {
                events.stop();
            }

            @Override
            public void resume() {
                events.resume();
            }
        });
    }

    /** Connects the machine to where its events go (the QMP server) and to what ends the process. */
    public void attach(EventEmitter events, Runnable onQuit) {
        this.events = Objects.requireNonNull(events, "events");
        this.onQuit = Objects.requireNonNull(onQuit, "onQuit");
    }

    public Identity identity() {
        return identity;
    }

    public MachineParts parts() {
        return parts;
    }

    /** The character devices ({@code /chardevs}). */
    public Chardevs chardevs() {
        return chardevs;
    }

    /** Numbers the pseudo-terminals of pty character devices. */
    public ChardevRules.PtyNumbers ptys() {
        return ptys;
    }

    /**
     * {@code device_add} of a CPU: into the free slot {@code props} name, with QEMU's checks in
     * QEMU's order; nothing changes unless it is plugged.
     *
     * @return the new CPU's QOM path
     */
    public String plugCpu(String driver, CpuProps props, Optional<String> id) {
        return locked(() -> {
            MachineParts current = parts;
            if (!current.cpuFacts().hotpluggableCpus() || current.slots().isEmpty()) {
                throw QmpError.generic("Device '" + driver + "' can not be hotplugged on this machine");
            }
            if (id.isPresent() && added.containsKey(PERIPHERAL + id.get())) {
                throw QmpError.generic("Duplicate device ID '" + id.get() + "'");
            }
            int index;
            try {
                index = current.slots().get().checkCpuDeviceAdd(driver, props);
            } catch (TopologyException e) {
                throw QmpError.generic(e.getMessage());
            }
            String path = name(id);
            add(path, driver);
            Map<Integer, String> paths = new HashMap<>(hotpluggedCpus);
            paths.put(index, path);
            hotpluggedCpus = Map.copyOf(paths);
            int plugged = index;
            parts = current.withSlots(current.slots().get().withPlugged(plugged));
            return path;
        });
    }

    /**
     * The machine's PCI side (the board's root bus and the devices added), built from the board
     * the first time it is needed; empty for a board without PCI.
     */
    public Optional<PciMachine> pci() {
        return locked(this::pciMachine);
    }

    private Optional<PciMachine> pciMachine() {
        if (!pciRead) {
            pci = parts.board()
                    .part("hardware")
                    .flatMap(BoardTree::of)
                    .flatMap(tree -> PciMachine.of(tree.root()))
                    .map(machine -> machine.withUnattachedDevices(unattachedDevices()))
                    .orElse(null);
            pciRead = true;
        }
        return Optional.ofNullable(pci);
    }

    /** The machine's ISA bus and the ISA devices added; empty for a board without an ISA bus. */
    public Optional<IsaMachine> isa() {
        return locked(this::isaMachine);
    }

    private Optional<IsaMachine> isaMachine() {
        if (!isaRead) {
            isa = parts.board().part("hardware").flatMap(IsaMachine::of).orElse(null);
            isaRead = true;
        }
        return Optional.ofNullable(isa);
    }

    /**
     * {@code -device} ({@code hotplug} false) or {@code device_add} of an ISA device the model
     * adds ({@link IsaRules#MODELED}), with QEMU 7.2's checks in QEMU's order: the bus, that it
     * takes no hotplug, the id, then the properties and the device's own; nothing changes unless
     * it is added. A serial port's character device gets it as its front end.
     *
     * @param options    the options as text, {@code driver} left out
     * @param properties the type's property names, for QEMU's "not found"
     * @return the new device's QOM path
     */
    public String addIsaDevice(String driver, Map<String, String> options, Set<String> properties, boolean hotplug) {
        return locked(() -> {
            IsaMachine machine = isaBus(driver, Optional.ofNullable(options.get("bus")));
            if (hotplug) {
                throw QmpError.generic("Bus '" + machine.busName() + "' does not support hotplugging");
            }
            Optional<String> id = Optional.ofNullable(options.get("id"));
            if (id.isPresent() && added.containsKey(PERIPHERAL + id.get())) {
                throw QmpError.generic("Duplicate ID '" + id.get() + "' for device");
            }
            // named before its properties are set, and taken out again when refused (see addPciDevice)
            String path = name(id);
            IsaMachine next;
            try {
                next = machine.with(driver, path, id, options, properties, chardevs);
            } catch (IsaException e) {
                container(path).remove(childName(path));
                throw QmpError.generic(e.getMessage());
            }
            IsaDevice device = next.added().get(next.added().size() - 1);
            if (!device.chardev().isEmpty()) {
                chardevs.openFrontEnd(device.chardev());
            }
            isa = next;
            add(path, driver);
            return path;
        });
    }

    /** The ISA bus a device goes on: the one {@code bus} names, else the board's; QEMU's refusals. */
    private IsaMachine isaBus(String driver, Optional<String> bus) {
        Optional<IsaMachine> machine = isaMachine();
        if (bus.isEmpty()) {
            return machine.orElseThrow(() -> QmpError.generic("No 'ISA' bus found for device '" + driver + "'"));
        }
        if (machine.isPresent() && machine.get().busName().equals(bus.get())) {
            return machine.get();
        }
        Optional<String> otherKind = pciMachine()
                .flatMap(pciSide -> pciSide.topology().buses().stream()
                        .filter(b -> b.name().equals(bus.get()))
                        .map(b -> b.kind().qomTypeName())
                        .findFirst());
        if (otherKind.isEmpty()) {
            otherKind = parts.board().part("hardware").flatMap(hardware -> {
                for (JsonNode known : hardware.path("buses")) {
                    String path = known.path("path").asText();
                    if (path.substring(path.lastIndexOf('/') + 1).equals(bus.get())) {
                        return Optional.of(known.path("type").asText());
                    }
                }
                return Optional.empty();
            });
        }
        throw QmpError.generic(otherKind
                .map(kind -> "Device '" + driver + "' can't go on " + kind + " bus")
                .orElse("Bus '" + bus.get() + "' not found"));
    }

    /**
     * How many {@code /machine/unattached/device[N]} the board has before {@code -device}: the
     * captured board's (built with one CPU) and one per further CPU made at start-up; -1 when the
     * pack has no QOM listing of the board (a board with switches).
     */
    private int unattachedDevices() {
        if (!parts.board().switches().isEmpty()) {
            return -1;
        }
        return parts.pack()
                .board(parts.type().name(), parts.defaults())
                .map(board ->
                        board.path("qom-lists").path("/machine/unattached").path("return"))
                .filter(JsonNode::isArray)
                .map(listing -> {
                    int devices = 0;
                    for (JsonNode child : listing) {
                        devices += child.path("name").asText().startsWith("device[") ? 1 : 0;
                    }
                    return devices + parts.topology().cpus() - 1;
                })
                .orElse(-1);
    }

    /**
     * The machine as a precise description: its board as {@code describer} describes it under
     * the machine's type, options and defaults, with the devices added since.
     */
    public HardwareDescription describe(MachineTypeDescriber describer) {
        MachineParts current = parts;
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        // memory-backend= names an object, which the description lists with the others
        current.options().forEach((name, value) -> {
            if (!name.equals("memory-backend")) {
                options.put(name, value);
            }
        });
        HardwareDescription board = describer.describe(
                current.type().name(),
                Optional.of(options),
                current.defaults(),
                current.board().turnedOff());
        HardwareDescription running = RunningHardware.describe(board, pci(), isa());
        ObjectNode smp = JsonNodeFactory.instance.objectNode();
        current.topology().smpProperty().forEach(smp::put);
        // memory-backend= names a backend the description lists among the objects
        MachineDescription machine = current.options().containsKey("memory-backend")
                ? withMemoryBackend(running.machine(), current.options().get("memory-backend"))
                : running.machine();
        return new HardwareDescription(
                machine,
                running.facts(),
                running.root(),
                running.unattached(),
                Optional.of(smp),
                Optional.of(current.ramBytes()),
                numaDescription(current.numa()),
                Optional.of(backends()));
    }

    private static MachineDescription withMemoryBackend(MachineDescription machine, String backend) {
        ObjectNode options = machine.options().isObject()
                ? ((ObjectNode) machine.options()).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        options.put("memory-backend", backend);
        return new MachineDescription(machine.type(), options, machine.defaults());
    }

    /**
     * {@code -device} ({@code hotplug} false) or {@code device_add} of a PCI device the model
     * places, with QEMU 7.2's checks in QEMU's order; nothing changes unless it is added.
     *
     * @param options    the options as text, {@code driver} left out
     * @param properties the type's property names, for QEMU's "not found"
     * @return the new device's QOM path
     */
    public String addPciDevice(String driver, Map<String, String> options, Set<String> properties, boolean hotplug) {
        return locked(() -> {
            PciMachine machine =
                    pciMachine().orElseThrow(() -> QmpError.generic("No 'PCI' bus found for device '" + driver + "'"));
            JsonNode entry = parts.pack()
                    .pciDeviceEntry(machine.family(), driver)
                    .orElseThrow(() ->
                            QmpError.generic("'" + driver + "' on this machine type is not modeled by qemu-model yet"));
            DeviceRequest request = DeviceOptions.request(driver, options, hotplug);
            // an expander bridge's refusal on the wrong family comes from its rules, after placement
            if (entry.has("error") && !request.category().expander()) {
                throw QmpError.generic(entry.path("error").asText());
            }
            // QEMU gives a NIC without a MAC address its default once the NIC is placed; the model
            // picks it beforehand and keeps it only if the NIC is added
            Optional<String> defaultMac = properties.contains("mac") && !options.containsKey("mac")
                    ? Optional.of(defaultMac())
                    : Optional.empty();
            PciMachine next;
            String[] named = new String[1];
            try {
                next = machine.with(request, parts.numa().nodeCount(), () -> {
                    if (request.id().isPresent()
                            && added.containsKey(PERIPHERAL + request.id().get())) {
                        throw new PlacementException(
                                "Duplicate device ID '" + request.id().get() + "'");
                    }
                    // QEMU names a device (adds it to its container) before it sets its properties
                    // and places it, and takes it out again when it is refused: an anonymous one
                    // still uses up its number, and the container's table keeps a tombstone
                    String path = name(request.id());
                    named[0] = path;
                    Map<String, String> kept = DeviceOptions.check(driver, options, properties);
                    try {
                        BlockDevices.checkDrive(blocks, driver, options);
                        if (options.containsKey("netdev")) {
                            // a virtio proxy's netdev is its virtio device's, whose name QEMU's message gives
                            String owner = driver.startsWith("virtio-net-pci") ? "virtio-net-device" : driver;
                            netdevs.checkConnectable(owner + ".netdev", options.get("netdev"));
                        }
                        if (options.containsKey("rng")) {
                            checkRngBackend(options.get("rng"));
                        }
                    } catch (QmpError e) {
                        throw new PlacementException(e.desc());
                    }
                    if (defaultMac.isPresent()) {
                        kept = new LinkedHashMap<>(kept);
                        kept.put("mac", defaultMac.get());
                    }
                    return new PciMachine.Named(path, kept);
                });
            } catch (PlacementException e) {
                if (named[0] != null) {
                    container(named[0]).remove(childName(named[0]));
                }
                throw QmpError.generic(e.getMessage());
            }
            PciMachine.AddedDevice device = next.added().get(next.added().size() - 1);
            BlockGraph attached;
            try {
                // QEMU realizes the device once it is placed; a refusal takes its name out again
                attached = BlockDevices.realize(blocks, driver, device.properties(), device.path());
            } catch (QmpError e) {
                container(named[0]).remove(childName(named[0]));
                throw e;
            }
            blocks = attached;
            if (options.containsKey("netdev")) {
                netdevs = netdevs.connect(options.get("netdev"), device.path());
            }
            Optional.ofNullable(device.properties().get("mac")).ifPresent(macs::add);
            pci = next;
            add(device.path(), driver);
            return device.path();
        });
    }

    /**
     * QEMU's default MAC address for a NIC given none: 52:54:00:12:34:XX with the lowest XX from
     * 0x56 up that no NIC of the machine has.
     */
    private String defaultMac() {
        for (String mac : DEFAULT_MACS) {
            if (!macs.contains(mac)) {
                return mac;
            }
        }
        return DEFAULT_MACS.get(DEFAULT_MACS.size() - 1);
    }

    private static final List<String> DEFAULT_MACS = IntStream.range(0x56, 0x100)
            .mapToObj(last -> String.format("52:54:00:12:34:%02x", last))
            .toList();

    /**
     * {@code device_del} of a device added with an id. QEMU 7.2 asks the guest to release a PCI
     * device (ACPI on pc's root bus, the PCIe hot-plug controller of a root port) and removes it
     * when the guest has done so; the model's machine runs no guest, so the device stays, as it
     * does in QEMU while no guest answers, and no DEVICE_DELETED is sent; except where the slot
     * is powered off ({@link PciMachine#unpluggedAtOnce}), where QEMU removes it at once, also
     * without the event. An ISA device is refused: its bus takes no hotplug.
     */
    public void deletePciDevice(String id) {
        locked(() -> {
            Optional<PciMachine.AddedDevice> device = pciMachine().flatMap(m -> m.addedWithId(id));
            if (device.isEmpty()) {
                Optional<IsaMachine> isaSide =
                        isaMachine().filter(i -> i.added(PERIPHERAL + id).isPresent());
                if (isaSide.isPresent()) {
                    throw QmpError.generic("Bus '" + isaSide.get().busName() + "' does not support hotplugging");
                }
                if (added.containsKey(PERIPHERAL + id)) {
                    throw QmpError.generic("device_del of '" + id + "' is not modeled by qemu-model yet");
                }
                throw new QmpError("DeviceNotFound", "Device '" + id + "' not found");
            }
            PciBus bus = pci.busOf(device.get().device()).orElseThrow();
            if (!bus.hotpluggable()) {
                throw QmpError.generic("Bus '" + bus.name() + "' does not support hotplugging");
            }
            String type = device.get().device().type();
            if (parts.pack().pciDeviceNotHotpluggable(type)) {
                // Measured on QEMU 7.2: the type QEMU makes only with the machine (a pxb) is not unplugged
                throw QmpError.generic("Device '" + type + "' does not support hotplugging");
            }
            if (pci.unpluggedAtOnce(device.get(), parts.pack().pciUnpluggedAtOnce(pci.family()))) {
                unplug(id);
            }
            return null;
        });
    }

    /** Takes a PCI device (and what is behind it) out of the machine, as a finished unplug does. */
    private void unplug(String id) {
        PciMachine.Removal removal;
        try {
            removal = pci.without(id);
        } catch (PlacementException e) {
            throw QmpError.generic(e.getMessage());
        }
        for (PciMachine.AddedDevice gone : removal.removed()) {
            if (gone.properties().containsKey("netdev") || gone.properties().containsKey("drive")) {
                // its back end would be released, which the model does not follow
                throw QmpError.generic("device_del of '" + id + "' is not modeled by qemu-model yet");
            }
        }
        pci = removal.machine();
        List<DeviceDeletedEvent> deleted = new ArrayList<>();
        for (PciMachine.AddedDevice gone : removal.removed()) {
            container(gone.path()).remove(childName(gone.path()));
            Optional.ofNullable(gone.properties().get("mac")).ifPresent(macs::remove);
            added.remove(gone.path());
            addedSnapshot = null;
            // a virtio proxy's virtio device goes first, then the device itself
            if (gone.device().type().startsWith("virtio-")) {
                deleted.add(new DeviceDeletedEvent(Optional.empty(), gone.path() + "/virtio-backend"));
            }
            deleted.add(new DeviceDeletedEvent(gone.device().id(), gone.path()));
        }
        announceAfterReply(deleted);
    }

    /**
     * Sends DEVICE_DELETED for an unplug finished within {@code device_del}: QEMU 7.2 sends
     * them some 50 ms after its reply (measured on virt: the reply, the reply to a next
     * command, then the events, 48 ms after the request). The wait starts once the reply is
     * queued, so the events can never overtake it.
     */
    private void announceAfterReply(List<DeviceDeletedEvent> deleted) {
        EventEmitter emitter = events;
        Thread announcing = new Thread(
                () -> {
                    try {
                        Thread.sleep(UNPLUG_EVENT_DELAY.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    deleted.forEach(emitter::deviceDeleted);
                },
                "qemu-model-device-deleted");
        announcing.setDaemon(true);
        CallingSession.afterReply(announcing::start);
    }

    /** How long after {@code device_del}'s reply QEMU says DEVICE_DELETED for an unplug it finished at once. */
    private static final Duration UNPLUG_EVENT_DELAY = Duration.ofMillis(50);

    /**
     * The names of the devices in {@code /machine/peripheral} or {@code /machine/peripheral-anon},
     * in QEMU's order (the order of its hash table; {@code qom-list} prints the reverse).
     */
    public List<String> peripheralChildren(String container) {
        return locked(() -> container(container + "/").order());
    }

    /**
     * Names a device as QEMU does: {@code /machine/peripheral/ID}, or the next
     * {@code /machine/peripheral-anon/device[N]} (a described machine's number when one is
     * planned), and adds it to its container's table.
     */
    private String name(Optional<String> id) {
        String path;
        if (id.isEmpty() && !anonymousPlan.isEmpty()) {
            // a description lists devices bus by bus, not in the order they were made (an ISA
            // device before a PCI one made earlier): each takes the number it had
            int planned = anonymousPlan.poll();
            anonymousDevices = Math.max(anonymousDevices, planned + 1);
            path = "/machine/peripheral-anon/device[" + planned + "]";
        } else {
            path = id.map(i -> PERIPHERAL + i)
                    .orElseGet(() -> "/machine/peripheral-anon/device[" + anonymousDevices++ + "]");
        }
        container(path).insert(childName(path));
        return path;
    }

    private GHashTableOrder container(String path) {
        return path.startsWith(PERIPHERAL) ? peripheral : anonymous;
    }

    private static String childName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The numbers the next anonymous devices take (a described machine's, which may have gaps
     * where QEMU named a device it then refused); later ones continue from the last.
     */
    public void numberAnonymousDevices(List<Integer> numbers) {
        locked(() -> anonymousPlan.addAll(numbers));
    }

    /** Records an added device (under the lock); readers get a new copy when they next ask. */
    private void add(String path, String driver) {
        added.put(path, driver);
        addedSnapshot = null;
    }

    private void insertObject(String id, String type) {
        objects.insert(id);
        objectTypes.put(id, type);
    }

    private void insertMainRam() {
        // a memory-backend= object is in /objects already, made with the command line's others
        parts.mainRamId()
                .filter(id -> !objectTypes.containsKey(id))
                .ifPresent(id -> insertObject(id, MEMORY_BACKEND_RAM));
    }

    /** The children of /objects in QEMU's order (its hash table's; qom-list prints the reverse). */
    public List<String> objects() {
        return locked(objects::order);
    }

    /** The properties an object of /objects was made with, if there is one of that id. */
    public Optional<ObjectNode> objectProperties(String id) {
        return locked(() -> Optional.ofNullable(objectProperties.get(id)).map(ObjectNode::deepCopy));
    }

    /** The QOM type of a child of /objects, if there is one of that id. */
    public Optional<String> objectType(String id) {
        return locked(() -> Optional.ofNullable(objectTypes.get(id)));
    }

    /**
     * {@code object-add} once the object's properties are read: QEMU's refusal of a duplicate id,
     * then the object in /objects, and a memory backend among the machine's.
     */
    public void addObject(String id, String type, ObjectNode properties, Optional<MemoryBackend> backend) {
        locked(() -> {
            if (objectTypes.containsKey(id)) {
                throw QmpError.generic("attempt to add duplicate property '" + id + "' to object (type 'container')");
            }
            insertObject(id, type);
            objectProperties.put(id, properties.deepCopy());
            backend.ifPresent(b -> {
                List<MemoryBackend> more = new ArrayList<>(parts.backends());
                more.add(b);
                parts = parts.withBackends(more);
            });
            return null;
        });
    }

    /** {@code object-del}: QEMU's refusals of an unknown object and of one in use, else gone. */
    public void deleteObject(String id) {
        locked(() -> {
            if (!objectTypes.containsKey(id)) {
                throw QmpError.generic("object '" + id + "' not found");
            }
            boolean mainRam = parts.mainRamId().filter(id::equals).isPresent();
            if (mainRam || parts.numa().memdevs().contains(id)) {
                throw QmpError.generic("object '" + id + "' is in use, can not be deleted");
            }
            objects.remove(id);
            objectTypes.remove(id);
            objectProperties.remove(id);
            parts = parts.withBackends(
                    parts.backends().stream().filter(b -> !b.id().equals(id)).toList());
            return null;
        });
    }

    /** The NUMA nodes with their memory and CPUs, and the distances; empty without NUMA. */
    private static Optional<NumaDescription> numaDescription(NumaConfig numa) {
        if (numa.nodeCount() == 0) {
            return Optional.empty();
        }
        List<NumaNodeDescription> nodes = new ArrayList<>();
        numa.nodeMemory().forEach((node, bytes) -> {
            List<Long> cpus = new ArrayList<>();
            for (int slot = 0; slot < numa.nodeOfSlot().size(); slot++) {
                OptionalInt of = numa.nodeOfSlot().get(slot);
                if (of.isPresent() && of.getAsInt() == node) {
                    cpus.add((long) slot);
                }
            }
            Optional<String> memdev = Optional.ofNullable(numa.memdevOfNode().get(node));
            nodes.add(new NumaNodeDescription(
                    node, memdev.isEmpty() && numa.usesMem() ? Optional.of(bytes) : Optional.empty(), memdev, cpus));
        });
        List<NumaDistanceDescription> distances = new ArrayList<>();
        numa.distances()
                .forEach((key, value) -> distances.add(
                        new NumaDistanceDescription(key / NumaConfig.MAX_NODES, key % NumaConfig.MAX_NODES, value)));
        return Optional.of(new NumaDescription(nodes, distances));
    }

    /** The host side: the objects (not main memory's) and the character devices (not the monitors'). */
    private BackendsDescription backends() {
        // in the order QEMU makes a command line's objects: memory backends after the others
        List<ObjectDescription> described = locked(() -> objectProperties.entrySet().stream()
                .map(e -> new ObjectDescription(
                        objectTypes.get(e.getKey()), e.getKey(), e.getValue().deepCopy()))
                .sorted(Comparator.comparing(o -> o.qomType().startsWith("memory-backend-")))
                .toList());
        List<ChardevDescription> chardevList = chardevs.created().stream()
                .filter(c -> c.backend().isPresent())
                .map(c -> new ChardevDescription(c.id(), c.backend().get()))
                .toList();
        List<BlockdevDescription> blockdevs = blocks.nodes().stream()
                .map(node -> new BlockdevDescription(node.options()))
                .toList();
        List<NetdevDescription> netdevList = netdevs.byId().entrySet().stream()
                .map(e -> new NetdevDescription(JsonNodeFactory.instance
                        .objectNode()
                        .put("type", e.getValue())
                        .put("id", e.getKey())))
                .toList();
        return new BackendsDescription(
                described,
                chardevList,
                blockdevs.isEmpty() ? Optional.empty() : Optional.of(blockdevs),
                netdevList.isEmpty() ? Optional.empty() : Optional.of(netdevList));
    }

    /** The block nodes and what is attached to them. */
    public BlockGraph blocks() {
        return blocks;
    }

    /** The check QEMU makes when a device's {@code rng} link is set: an object of that id, an RNG back end. */
    private void checkRngBackend(String id) {
        String type = objectTypes.get(id);
        if (type == null) {
            throw QmpError.generic("Device '" + id + "' not found");
        }
        if (!RNG_BACKENDS.contains(type)) {
            throw QmpError.generic("Invalid parameter type for 'rng', expected: rng-backend");
        }
    }

    private static final Set<String> RNG_BACKENDS = Set.of("rng-random", "rng-builtin", "rng-egd");

    /** The network back ends. */
    public Netdevs netdevs() {
        return netdevs;
    }

    /** {@code netdev_add} or {@code -netdev}: adds the back end, or QEMU's refusal. */
    public void addNetdev(ObjectNode arguments) {
        locked(() -> netdevs = netdevs.add(arguments));
    }

    /** {@code netdev_del}: removes the back end, or QEMU's refusal. */
    public void deleteNetdev(String id) {
        locked(() -> netdevs = netdevs.delete(id));
    }

    /** {@code blockdev-add} or {@code -blockdev}: adds the node, or QEMU's refusal. */
    public void addBlockNode(BlockdevRequest request) {
        locked(() -> blocks = blocks.with(request.create(blocks)));
    }

    /** {@code blockdev-del}: removes a node nothing uses, or QEMU's refusal. */
    public void deleteBlockNode(String nodeName) {
        locked(() -> blocks = blocks.without(nodeName));
    }

    /** Puts the memory backend {@code id} of the command line (one of the parts') into /objects. */
    public void addCommandLineBackend(String id) {
        MemoryBackend backend = parts.backends().stream()
                .filter(b -> b.id().equals(id))
                .findFirst()
                .orElseThrow();
        locked(() -> {
            insertObject(id, MEMORY_BACKEND_RAM);
            objectProperties.put(id, backend.properties());
            return null;
        });
    }

    /**
     * Tells the machine that the command line's objects are made: QEMU then makes the machine,
     * and with it main memory's backend (at once, or when preconfig ends).
     */
    public void objectsMade() {
        locked(() -> {
            if (phase != MachinePhase.PRECONFIG) {
                insertMainRam();
            }
            return null;
        });
    }

    /** Notes that a command looked up QEMU's /objects container, which QEMU then creates. */
    public void lookUpObjects() {
        objectsLookedUp = true;
    }

    /** Whether a command has looked up /objects. */
    public boolean objectsLookedUp() {
        return objectsLookedUp;
    }

    /** The devices added with device_add: QOM path → QOM type, in the order they were added. */
    public Map<String, String> addedDevices() {
        Map<String, String> snapshot = addedSnapshot;
        if (snapshot != null) {
            return snapshot;
        }
        return locked(() -> {
            if (addedSnapshot == null) {
                addedSnapshot = Collections.unmodifiableMap(new LinkedHashMap<>(added));
            }
            return addedSnapshot;
        });
    }

    /** Whether {@code -cpu} gave features, which change the CPU objects' property values. */
    public boolean cpuFeaturesGiven() {
        return cpuFeaturesGiven;
    }

    /** Records whether {@code -cpu} gave features (set once, by the command line). */
    public void cpuFeaturesGiven(boolean given) {
        cpuFeaturesGiven = given;
    }

    /** The QOM path of a CPU plugged with device_add, by its cpu-index. */
    public Optional<String> hotpluggedCpuPath(int index) {
        return Optional.ofNullable(hotpluggedCpus.get(index));
    }

    /** Whether the machine is still in preconfig, where only commands that allow it run. */
    public boolean inPreconfig() {
        return phase == MachinePhase.PRECONFIG;
    }

    /**
     * {@code set-numa-node}: one node, CPU mapping or distance added to the configuration, with
     * QEMU's checks. Unlike QEMU 7.2, which may keep part of a refused request, a refused one
     * changes nothing: the configuration is replaced only when the whole request is accepted.
     */
    public void setNumaNode(NumaRequest request) {
        locked(() -> {
            try {
                PreconfigRules.checkSetNumaNode(phase);
                MachineParts current = parts;
                CpuSlots slots = current.slots()
                        .orElseThrow(() -> QmpError.generic("NUMA of this machine type is not modeled by qemu-model"));
                NumaConfig next = request.applyTo(
                        current.numa(), MachineParts.numaFacts(current.type()), slots, current.backendSizes());
                parts = current.withNuma(next);
            } catch (PreconfigException | NumaException e) {
                throw QmpError.generic(e.getMessage());
            }
            return null;
        });
    }

    /**
     * {@code x-exit-preconfig}: the machine is created with the configuration made so far; a
     * configuration QEMU would exit on is refused with QEMU's text instead, and the machine
     * stays in preconfig to be corrected. Without {@code -S} the guest then runs (RESUME).
     */
    public void exitPreconfig() {
        locked(() -> {
            MachineParts current = parts;
            try {
                if (current.slots().isPresent()) {
                    parts = current.withNuma(PreconfigRules.exitPreconfig(
                            phase,
                            current.numa(),
                            current.ramBytes(),
                            current.slots().get()));
                } else {
                    PreconfigRules.checkExitPreconfig(phase); // nothing to complete without CPU slots
                }
            } catch (PreconfigException e) {
                throw QmpError.generic(e.getMessage());
            }
            phase = MachinePhase.READY;
            insertMainRam();
            if (!pausedAfterPreconfig) {
                run.cont();
            }
            return null;
        });
    }

    public StatusInfo status() {
        return locked(run::status);
    }

    public void stop() {
        locked(() -> {
            run.stop();
            return null;
        });
    }

    public void cont() {
        locked(() -> {
            run.cont();
            return null;
        });
    }

    /**
     * {@code quit}: QEMU replies, then says SHUTDOWN and ends. The event and the end follow the
     * reply (a follow-up of the command, run once the reply is queued), on a thread of their own
     * since ending waits for the output to drain.
     */
    public void quit() {
        Thread ending = new Thread(
                () -> {
                    events.shutdown(new ShutdownEvent(false, ShutdownCause.HOST_QMP_QUIT));
                    onQuit.run();
                },
                "qemu-model-quit");
        ending.setDaemon(false);
        CallingSession.afterReply(ending::start);
    }

    /**
     * A terminating signal (SIGTERM, SIGINT, SIGHUP, as libvirt's {@code destroy} sends): QEMU
     * says SHUTDOWN with reason {@code host-signal} and ends, as after {@code quit}.
     */
    public void terminateOnSignal() {
        Thread ending = new Thread(
                () -> {
                    events.shutdown(new ShutdownEvent(false, ShutdownCause.HOST_SIGNAL));
                    onQuit.run();
                },
                "qemu-model-signal");
        ending.setDaemon(false);
        ending.start();
    }

    private <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }
}
