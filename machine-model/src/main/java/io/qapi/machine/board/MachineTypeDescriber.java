package io.qapi.machine.board;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.vm.MachineSelection;
import io.qapi.runtime.QmpError;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code query-machine-type}: the board QEMU 7.2 builds for a machine type, from the pack, built
 * once per type and variant and then served from memory. Machine options are not captured yet,
 * so a request with any is refused with an error that says so, rather than answered with the
 * board of other options.
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
     * (a JSON object, or absent) and, when {@code defaults}, QEMU's default devices.
     *
     * @throws QmpError (GenericError) for an unknown type, options, or a type without board data
     */
    public HardwareDescription describe(String type, Optional<JsonNode> props, boolean defaults) {
        String name = MachineSelection.select(pack, Optional.of(type))
                .orElseThrow(() -> QmpError.generic("unsupported machine type '" + type + "'"))
                .name();
        if (props.isPresent() && !props.get().isNull()) {
            if (!props.get().isObject()) {
                throw QmpError.generic("Parameter 'props' expects an object of machine options");
            }
            if (props.get().size() > 0) {
                List<String> names = new ArrayList<>();
                props.get().fieldNames().forEachRemaining(names::add);
                throw QmpError.generic("query-machine-type: machine options are not modeled yet (" + String.join(", ",
                        names) + ")");
            }
        }
        return described.computeIfAbsent(name + (defaults ? " defaults" : ""), k -> build(name, defaults));
    }

    private HardwareDescription build(String name, boolean defaults) {
        BoardTree bare = tree(name, false);
        BoardTree chosen = defaults ? tree(name, true) : bare;
        JsonNode defaultsPci = pack.boardReply(name, true, "query-pci").orElse(JsonNodeFactory.instance.objectNode());
        return new HardwareDescription(
                new MachineDescription(name, JsonNodeFactory.instance.objectNode(), defaults),
                MachineFactsRules.facts(bare, defaults ? chosen : tree(name, true), defaultsPci),
                chosen.root(), chosen.unattached());
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
        return BoardTree.of(board.path("hardware")).orElseThrow(() -> QmpError.generic(
                "machine type '" + name + "' is not described in this data pack"));
    }
}
