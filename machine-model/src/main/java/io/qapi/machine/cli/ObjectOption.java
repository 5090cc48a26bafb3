package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.vm.MemoryBackend;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;

/**
 * {@code -object}, in its {@code key=value} form (implied key {@code qom-type}) or its JSON form.
 * The model records {@code memory-backend-ram} objects; any other object type is refused with a
 * message that says it is not modeled.
 */
final class ObjectOption {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RAM_KEYS = Set.of("qom-type", "id", "size", "merge", "dump", "prealloc",
            "share", "reserve", "policy");
    private static final Set<String> POLICIES = Set.of("default", "preferred", "bind", "interleave");

    private ObjectOption() {
    }

    static MemoryBackend parse(String argument) throws CommandLineException {
        JsonNode tree = tree(argument);
        String type = tree.path("qom-type").asText("");
        if (type.isEmpty()) {
            throw new CommandLineException("-object " + argument + ": Parameter 'qom-type' is missing");
        }
        if (!type.equals("memory-backend-ram")) {
            throw new CommandLineException("-object " + argument + ": objects of type '" + type
                    + "' are not modeled by " + QemuModel.PROGRAM);
        }
        for (var it = tree.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!RAM_KEYS.contains(key)) {
                throw new CommandLineException("-object " + argument + ": property '" + key
                        + "' of memory-backend-ram is not modeled by " + QemuModel.PROGRAM);
            }
        }
        String id = tree.path("id").asText("");
        if (id.isEmpty()) {
            throw new CommandLineException("-object " + argument + ": Parameter 'id' is missing");
        }
        JsonNode sizeNode = tree.get("size");
        if (sizeNode == null) {
            throw new CommandLineException("-object " + argument + ": can't create backend with size 0");
        }
        BigInteger size = sizeNode.isNumber() ? sizeNode.bigIntegerValue() : SizeParser.parse(sizeNode.asText(), 1);
        if (size == null || size.bitLength() > 63) {
            throw new CommandLineException("-object " + argument + ": Parameter 'size' expects a size");
        }
        String policy = tree.path("policy").asText("default");
        if (!POLICIES.contains(policy)) {
            throw new CommandLineException("-object " + argument + ": Parameter 'policy' does not accept value '"
                    + policy + "'");
        }
        return new MemoryBackend(id, size.longValue(), flag(tree, "merge", true, argument),
                flag(tree, "dump", true, argument), flag(tree, "prealloc", false, argument),
                flag(tree, "share", false, argument), flag(tree, "reserve", true, argument), policy);
    }

    private static JsonNode tree(String argument) throws CommandLineException {
        if (argument.startsWith("{")) {
            try {
                JsonNode tree = JSON.readTree(argument);
                if (tree instanceof ObjectNode) {
                    return tree;
                }
            } catch (IOException e) {
                // QEMU's message below
            }
            throw new CommandLineException("-object " + argument + ": JSON parse error");
        }
        try {
            return Keyval.parse(argument, "qom-type");
        } catch (QmpError e) {
            throw new CommandLineException("-object " + argument + ": " + e.desc());
        }
    }

    private static boolean flag(JsonNode tree, String key, boolean byDefault, String argument)
            throws CommandLineException {
        JsonNode value = tree.get(key);
        if (value == null) {
            return byDefault;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return switch (value.asText()) {
            case "on", "yes", "true", "y" -> true;
            case "off", "no", "false", "n" -> false;
            default -> throw new CommandLineException("-object " + argument + ": Parameter '" + key
                    + "' expects 'on' or 'off'");
        };
    }
}
