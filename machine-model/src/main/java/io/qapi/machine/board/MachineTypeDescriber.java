package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.DefaultDeviceClass;
import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineDescription;
import io.qapi.schema.hardware.MachineFacts;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code query-machine-type}: the board QEMU 7.2 builds for a machine type, from the pack, built
 * once per type, variant and options and then served from memory. Machine options are the
 * type's switches, whose boards the capture recorded one by one (see {@link SwitchedBoard}).
 */
public final class MachineTypeDescriber {
    private final MachinePack pack;
    private final Map<String, HardwareDescription> described = new ConcurrentHashMap<>();
    private final Map<String, BoardTree> trees = new ConcurrentHashMap<>();

    public MachineTypeDescriber(MachinePack pack) {
        this.pack = pack;
    }

    /**
     * The description of {@code type} (a name or an alias) with machine options {@code props}
     * (a JSON object of switches such as {@code {"usb": "on", "vmport": false}}, or absent) and,
     * when {@code defaults}, QEMU's default devices.
     *
     * @throws QmpError (GenericError) for an unknown type, an option the type lacks or a value it
     *                  refuses (QEMU's texts), options the capture has no board for, or a type
     *                  without board data
     */
    public HardwareDescription describe(String type, Optional<JsonNode> props, boolean defaults) {
        return describe(type, props, defaults, Set.of());
    }

    /**
     * As {@link #describe(String, Optional, boolean)}, the board leaving out the default devices
     * of the classes {@code turnedOff} (see {@link DefaultDevices}), when it has defaults.
     */
    public HardwareDescription describe(
            String type, Optional<JsonNode> props, boolean defaults, Set<DefaultDeviceClass> turnedOff) {
        String name = MachineSelection.select(pack, Optional.of(type))
                .orElseThrow(() -> QmpError.generic("unsupported machine type '" + type + "'"))
                .name();
        Map<String, String> options = options(props.filter(p -> !p.isNull()));
        Set<DefaultDeviceClass> off = defaults ? turnedOff : Set.of();
        String key = name
                + (defaults ? " defaults" : "")
                + (options.isEmpty() ? "" : " " + options)
                + (off.isEmpty() ? "" : " without " + DefaultDeviceClass.key(off));
        // not computeIfAbsent: describing with options may describe the type without them first
        HardwareDescription known = described.get(key);
        if (known != null) {
            return known;
        }
        HardwareDescription built =
                options.isEmpty() && off.isEmpty() ? build(name, defaults) : build(name, options, defaults, off);
        described.put(key, built);
        return built;
    }

    /** The options of a {@code props} object as {@code -machine} would give them: as text. */
    private static Map<String, String> options(Optional<JsonNode> props) {
        Map<String, String> options = new LinkedHashMap<>();
        if (props.isEmpty()) {
            return options;
        }
        if (!props.get().isObject()) {
            throw QmpError.generic("Parameter 'props' expects an object of machine options");
        }
        props.get().fields().forEachRemaining(option -> {
            JsonNode value = option.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw QmpError.generic("Parameter '" + option.getKey() + "' expects a scalar value");
            }
            options.put(option.getKey(), value.isBoolean() ? (value.booleanValue() ? "on" : "off") : value.asText());
        });
        return options;
    }

    private HardwareDescription build(String name, boolean defaults) {
        BoardTree bare = tree(name, false);
        BoardTree withDefaults = tree(name, true);
        return new HardwareDescription(
                new MachineDescription(name, JsonNodeFactory.instance.objectNode(), defaults),
                MachineFactsRules.facts(bare, withDefaults, pciClasses(name)),
                (defaults ? withDefaults : bare).root(),
                (defaults ? withDefaults : bare).unattached(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private HardwareDescription build(
            String name, Map<String, String> options, boolean defaults, Set<DefaultDeviceClass> turnedOff) {
        BoardTree bare = hardware(name, switched(name, options, false, Set.of()));
        SwitchedBoard withDefaultsBoard = switched(name, options, true, turnedOff);
        // the facts are the type's: what its defaults add, whatever the command line turns off
        SwitchedBoard factsBoard = turnedOff.isEmpty() ? withDefaultsBoard : switched(name, options, true, Set.of());
        Optional<BoardTree> withDefaults = factsBoard.part("hardware").map(h -> treeOf(name, h));
        BoardTree chosen = defaults ? hardware(name, withDefaultsBoard) : bare;
        MachineFacts facts;
        if (withDefaults.isPresent()) {
            facts = MachineFactsRules.facts(bare, withDefaults.get(), pciClasses(name));
        } else {
            // the board with defaults under these switches is not known: what the defaults add
            // (the default NIC and display) is read from the type's own boards
            MachineFacts own = describe(name, Optional.empty(), false).facts();
            facts = MachineFactsRules.withDefaultsOf(MachineFactsRules.facts(bare, bare, Map.of()), own);
        }
        ObjectNode given = JsonNodeFactory.instance.objectNode();
        options.forEach(given::put);
        return new HardwareDescription(
                new MachineDescription(name, given, defaults),
                facts,
                chosen.root(),
                chosen.unattached(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The PCI class of each device type the type's defaults add, from the captured board (a
     * switch may move a default device to another slot; it stays of its class).
     */
    private Map<String, Integer> pciClasses(String name) {
        JsonNode pci = pack.boardReply(name, true, "query-pci").orElse(JsonNodeFactory.instance.objectNode());
        return MachineFactsRules.pciClassesByType(tree(name, true), pci);
    }

    /**
     * The board of {@code name} under {@code options}. The type's own board comes first: when
     * QEMU does not start the type, that is what is said, whatever the options.
     */
    private SwitchedBoard switched(
            String name, Map<String, String> options, boolean defaults, Set<DefaultDeviceClass> turnedOff) {
        tree(name, defaults);
        try {
            return SwitchedBoard.of(pack, name, options, defaults, turnedOff);
        } catch (IllegalArgumentException e) {
            throw QmpError.generic(e.getMessage());
        }
    }

    /** The hardware of a switched board, or why the switches leave it unknown. */
    private static BoardTree hardware(String name, SwitchedBoard board) {
        return board.part("hardware")
                .map(h -> treeOf(name, h))
                .orElseThrow(() -> QmpError.generic("query-machine-type: " + board.whyUnknown("hardware")));
    }

    private BoardTree tree(String name, boolean defaults) {
        String key = name + (defaults ? " defaults" : "");
        BoardTree known = trees.get(key);
        if (known != null) {
            return known;
        }
        BoardTree tree = readTree(name, defaults);
        trees.put(key, tree);
        return tree;
    }

    private BoardTree readTree(String name, boolean defaults) {
        JsonNode board = pack.board(name, defaults)
                .orElseThrow(() -> QmpError.generic("machine type '" + name + "' has no board data in this pack"));
        if (board.has("start-error")) {
            throw QmpError.generic("QEMU does not start machine type '" + name + "': "
                    + board.path("start-error").asText());
        }
        return treeOf(name, board.path("hardware"));
    }

    private static BoardTree treeOf(String name, JsonNode hardware) {
        return BoardTree.of(hardware)
                .orElseThrow(() -> QmpError.generic("machine type '" + name + "' is not described in this data pack"));
    }
}
