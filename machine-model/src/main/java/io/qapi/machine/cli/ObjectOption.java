package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.MemoryBackend;
import io.qapi.machine.qom.ObjectOptions;
import io.qapi.machine.qom.QomChecks;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -object}, in its {@code key=value} form (implied key {@code qom-type}) or its JSON form.
 * A {@code memory-backend-ram} is read while the machine is built (NUMA nodes use it); the other
 * types {@code object-add} takes are made once the machine is, in command-line order.
 */
final class ObjectOption {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> RAM_KEYS =
            Set.of("qom-type", "id", "size", "merge", "dump", "prealloc", "share", "reserve", "policy");
    private static final Set<String> POLICIES = Set.of("default", "preferred", "bind", "interleave");

    private ObjectOption() {}

    /**
     * The type {@code argument} makes ("" when it names none): a {@code memory-backend-ram} the
     * machine is built with; memory backends QEMU makes after the other objects.
     */
    static String qomType(String argument) throws CommandLineException {
        return tree(argument).path("qom-type").asText("");
    }

    /**
     * Creates an object of another type in {@code vm}, once it is made: read as {@code object-add}
     * reads its arguments (text values in the {@code key=value} form).
     */
    static void create(VirtualMachine vm, String argument) throws CommandLineException {
        JsonNode tree = tree(argument);
        boolean json = argument.startsWith("{");
        try {
            ObjectOptions.Read object = ObjectOptions.read((ObjectNode) tree, json ? Input.STRICT : Input.KEYVAL);
            vm.addObject(object.id(), object.type(), object.properties(), object.memory());
        } catch (QmpError e) {
            throw new CommandLineException("-object " + argument + ": " + (json ? e.desc() : inOptsWords(e.desc())));
        }
    }

    /** The property of the modeled object types that is unsigned (the others that take integers are int64). */
    private static final Set<String> UNSIGNED = Set.of("prealloc-threads");

    private static final Pattern INTEGER = Pattern.compile("Parameter '([^']*)' expects integer");
    private static final Pattern UNEXPECTED = Pattern.compile("Parameter '([^']*)' is unexpected");

    /**
     * QEMU 7.2 reads the {@code key=value} form of {@code -object} with its options visitor,
     * whose words differ from the typed reader's: an unknown key is an "Invalid parameter", and
     * an integer is "an int64 value" or "a uint64 value".
     */
    private static String inOptsWords(String message) {
        if (message.equals(QomChecks.NOT_AN_IDENTIFIER)) {
            return message + "\n" + QomChecks.IDENTIFIER_HINT;
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.matches()) {
            return "Invalid parameter '" + unexpected.group(1) + "'";
        }
        Matcher integer = INTEGER.matcher(message);
        if (integer.matches()) {
            return "Parameter '" + integer.group(1) + "' expects "
                    + (UNSIGNED.contains(integer.group(1)) ? "a uint64 value" : "an int64 value");
        }
        return message;
    }

    static MemoryBackend parse(String argument) throws CommandLineException {
        return parse(argument, true, true);
    }

    /**
     * A memory backend whose {@code merge} and {@code dump} default to {@code mergeByDefault} and
     * {@code dumpByDefault}: QEMU 7.2 makes backends once the machine is, and takes their defaults
     * from its {@code mem-merge} and {@code dump-guest-core}.
     */
    static MemoryBackend parse(String argument, boolean mergeByDefault, boolean dumpByDefault)
            throws CommandLineException {
        JsonNode tree = tree(argument);
        String type = tree.path("qom-type").asText("");
        if (type.isEmpty()) {
            throw new CommandLineException("-object " + argument + ": Parameter 'qom-type' is missing");
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
            throw new CommandLineException(
                    "-object " + argument + ": Parameter 'policy' does not accept value '" + policy + "'");
        }
        return new MemoryBackend(
                id,
                size.longValue(),
                flag(tree, "merge", mergeByDefault, argument),
                flag(tree, "dump", dumpByDefault, argument),
                flag(tree, "prealloc", false, argument),
                flag(tree, "share", false, argument),
                flag(tree, "reserve", true, argument),
                policy);
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
        Optional<Boolean> flag = OptsFields.bool(value.asText());
        if (flag.isEmpty()) {
            throw new CommandLineException("-object " + argument + ": Parameter '" + key + "' expects 'on' or 'off'");
        }
        return flag.get();
    }
}
