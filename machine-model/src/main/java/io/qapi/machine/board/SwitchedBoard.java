package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.DefaultDeviceClass;
import io.qapi.machine.pack.HardwareDelta;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.pack.MachineSwitch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The board a machine type builds under machine options ({@code -machine q35,usb=on,vmport=off}),
 * from the boards the capture recorded for each switch on its own.
 *
 * <p>Switches compose when at most one of them changes any one part of the board: QEMU numbers
 * the devices it creates ({@code /machine/unattached/device[16]}) in creation order, so two
 * switches that both add or drop devices renumber each other's, and their captured differences do
 * not add up. Such a part (the hardware, or one reply such as {@code query-pci}) is left out of
 * the composed board, and whoever needs it says that the combination is not captured. Options that
 * are not switches ({@code memory-backend=}) are not modeled and are refused.
 *
 * <p>A board with defaults may also leave default devices out, because the command line brings
 * its own (see {@link DefaultDevices}); the capture recorded the board for every combination of
 * classes left out, which composes with the switches as one more switch would.
 */
public final class SwitchedBoard {
    /**
     * Options {@code -machine} still takes for the accelerator and hands to it (QEMU 7.2's legacy
     * machine options); under TCG, which the model stands for, they change nothing.
     */
    private static final List<String> ACCELERATOR_OPTIONS = List.of("kernel-irqchip", "kvm-shadow-mem");

    private final MachinePack pack;
    private final String type;
    private final boolean defaults;
    private final List<MachineSwitch> switches;
    /** The classes of default devices left out; empty without defaults. */
    private final Set<DefaultDeviceClass> turnedOff;
    /** The composed board and what it leaves out, made when first asked for. */
    private volatile Composed composed;

    private record Composed(ObjectNode board, Map<String, List<String>> unknown) {}

    private SwitchedBoard(
            MachinePack pack,
            String type,
            boolean defaults,
            List<MachineSwitch> switches,
            Set<DefaultDeviceClass> turnedOff) {
        this.pack = pack;
        this.type = type;
        this.defaults = defaults;
        this.switches = List.copyOf(switches);
        this.turnedOff =
                defaults && !turnedOff.isEmpty() ? Collections.unmodifiableSet(EnumSet.copyOf(turnedOff)) : Set.of();
    }

    /**
     * The board of machine type {@code type} (its full name) with {@code options}, with or
     * without defaults. The options are checked now; the board is composed when first read (a
     * machine without options reads its board file only when a command needs it).
     *
     * @throws IllegalArgumentException with QEMU's message for an option the type lacks or a
     *                                  value it refuses, and with ours for an option that is not a
     *                                  switch or a type whose options were not captured
     */
    public static SwitchedBoard of(MachinePack pack, String type, Map<String, String> options, boolean defaults) {
        return of(pack, type, options, defaults, Set.of());
    }

    /**
     * As {@link #of(MachinePack, String, Map, boolean)}, with the default devices of the classes
     * {@code turnedOff} left out (with defaults only; without, there are none to leave out).
     *
     * @throws IllegalArgumentException as there, and when the pack lacks the board without them
     */
    public static SwitchedBoard of(
            MachinePack pack,
            String type,
            Map<String, String> options,
            boolean defaults,
            Set<DefaultDeviceClass> turnedOff) {
        if (options.isEmpty()) {
            SwitchedBoard board = new SwitchedBoard(pack, type, defaults, List.of(), turnedOff);
            board.withoutDefaults();
            return board;
        }
        JsonNode bare = pack.board(type, false).orElse(JsonNodeFactory.instance.objectNode());
        if (!bare.has("qom-lists")) {
            throw new IllegalArgumentException(
                    "the machine options of machine type '" + type + "' are not in the machine data pack");
        }
        List<MachineSwitch> switches = read(bare, type, options);
        SwitchedBoard board = new SwitchedBoard(pack, type, defaults, switches, turnedOff);
        // QEMU refuses a switch as it starts the board: say so now, as it would
        for (MachineSwitch machineSwitch : switches) {
            board.difference(machineSwitch);
        }
        board.withoutDefaults();
        return board;
    }

    /** The switches that differ from the type's own values, in the order given. */
    public List<MachineSwitch> switches() {
        return switches;
    }

    /**
     * Whether no switch changes the board's devices (their captured hardware differences are
     * empty, as for {@code dump-guest-core} or q35's {@code acpi}): the QOM tree then has the
     * unswitched board's objects, only the machine's own switched properties read otherwise.
     */
    public boolean switchesKeepDevices() {
        return switches.stream().noneMatch(s -> difference(s).has("hardware"));
    }

    /** The classes of default devices the board leaves out. */
    public Set<DefaultDeviceClass> turnedOff() {
        return turnedOff;
    }

    /** Per part the switches leave unknown, the switches that each change it. */
    public Map<String, List<String>> unknown() {
        return composed().unknown();
    }

    /** One part of the board, or empty when the pack lacks it or the switches leave it unknown. */
    public Optional<JsonNode> part(String name) {
        return Optional.ofNullable(composed().board().get(name));
    }

    /** Why {@code part} is not known, for an error message. */
    public String whyUnknown(String part) {
        List<String> changers = unknown().getOrDefault(part, List.of());
        String options = !turnedOff.isEmpty() && changers.contains(turnedOffLabel()) ? "" : "machine options ";
        return options + String.join(" and ", changers) + " each change the board's " + part
                + ", and the capture records each switch alone";
    }

    /** How the default devices left out are named where a part they change is unknown. */
    private String turnedOffLabel() {
        return "the default devices left out (" + DefaultDeviceClass.key(turnedOff) + ")";
    }

    /** The difference the default devices left out make; empty when none are. */
    private Optional<JsonNode> withoutDefaults() {
        if (turnedOff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(pack.suppressionBoard(type, turnedOff)
                .orElseThrow(() -> new IllegalArgumentException(
                        "the board of machine type '" + type + "' without its default devices ("
                                + DefaultDeviceClass.key(turnedOff) + ") is not in the machine data pack")));
    }

    private JsonNode difference(MachineSwitch machineSwitch) {
        JsonNode difference = pack.switchBoard(type, machineSwitch.key(), defaults)
                .orElseThrow(() -> new IllegalArgumentException("machine option " + machineSwitch.key()
                        + " of machine type '" + type + "' is not in the machine data pack"));
        if (difference.has("start-error")) {
            // QEMU's words without its program name, which whoever reports them puts back as its own
            throw new IllegalArgumentException(
                    difference.path("start-error").asText().replaceAll("(?m)^qemu-system-[\\w-]+: ", ""));
        }
        return difference;
    }

    private Composed composed() {
        Composed known = composed;
        if (known == null) {
            known = compose();
            composed = known;
        }
        return known;
    }

    /** The captured board with each switch's difference applied, each part changed by one switch at most. */
    private Composed compose() {
        JsonNode base = pack.board(type, defaults).orElse(JsonNodeFactory.instance.objectNode());
        ObjectNode board = JsonNodeFactory.instance.objectNode();
        base.fields().forEachRemaining(part -> board.set(part.getKey(), part.getValue()));
        Map<String, JsonNode> differences = new LinkedHashMap<>();
        for (MachineSwitch machineSwitch : switches) {
            differences.put(machineSwitch.key(), difference(machineSwitch));
        }
        withoutDefaults().ifPresent(difference -> differences.put(turnedOffLabel(), difference));
        Map<String, List<String>> changedBy = new LinkedHashMap<>();
        differences.forEach((label, difference) -> difference.fields().forEachRemaining(part -> {
            changedBy.computeIfAbsent(part.getKey(), k -> new ArrayList<>()).add(label);
            board.set(
                    part.getKey(),
                    part.getKey().equals("hardware")
                            ? HardwareDelta.apply(base.path("hardware"), part.getValue())
                            : part.getValue());
        }));
        Map<String, List<String>> unknown = new LinkedHashMap<>();
        changedBy.forEach((part, by) -> {
            if (by.size() > 1) {
                board.remove(part);
                unknown.put(part, List.copyOf(by));
            }
        });
        return new Composed(board, Map.copyOf(unknown));
    }

    /**
     * The switches among {@code options} whose value differs from the type's own, validated as
     * QEMU 7.2 validates {@code -machine}.
     */
    private static List<MachineSwitch> read(JsonNode bare, String type, Map<String, String> options) {
        List<MachineSwitch> switches = new ArrayList<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            // QEMU 7.2 reads '_' in a machine option's name as '-' (dump_guest_core is dump-guest-core)
            String name = option.getKey().replace('_', '-');
            if (ACCELERATOR_OPTIONS.contains(name)) {
                continue;
            }
            String propertyType = MachineSwitch.propertyType(bare, name)
                    .orElseThrow(() ->
                            new IllegalArgumentException("Property '" + type + "-machine." + name + "' not found"));
            JsonNode boardValue = bare.path("qom-machine").path(name).path("return");
            if (!MachineSwitch.isSwitch(propertyType)
                    && boardValue.isTextual()
                    && boardValue.textValue().equals(option.getValue())) {
                continue; // a text property given the board's own value (libvirt's gic-version=2) changes nothing
            }
            if (!MachineSwitch.isSwitch(propertyType)) {
                throw new IllegalArgumentException("machine option '" + name + "' (" + propertyType
                        + ") is not modeled yet: only the on/off switches of a machine type are captured");
            }
            MachineSwitch machineSwitch = MachineSwitch.parse(name, propertyType, option.getValue());
            if (!MachineSwitch.current(bare, name).orElse("").equals(machineSwitch.value())) {
                switches.add(machineSwitch);
            }
        }
        return switches;
    }
}
