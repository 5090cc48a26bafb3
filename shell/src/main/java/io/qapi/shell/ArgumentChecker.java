package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qapi.runtime.api.Input;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a request's arguments against the server's schema before anything is sent, as the
 * server would check them, and reports the first problem in QEMU's words ({@code Parameter
 * 'driver' is missing}, {@code Parameter 'x' is unexpected}, {@code Invalid parameter type for
 * 'size', expected: integer}, {@code Parameter 'type' does not accept value 'x'}).
 * <p>
 * A value typed as a bare word that parsed as a number, boolean or null is sent as its text
 * where the schema wants a string and not what it parsed as ({@code id=1} is the id "1").
 */
public final class ArgumentChecker {
    /**
     * Commands that take members their schema does not list. QEMU's {@code device_add} takes
     * the device's own properties beside {@code driver}, {@code bus} and {@code id} (its schema
     * says {@code 'gen': false}, which introspection does not show).
     */
    private static final Set<String> OPEN_COMMANDS = Set.of("device_add");

    private final ServerSchema schema;

    public ArgumentChecker(ServerSchema schema) {
        this.schema = schema;
    }

    /**
     * The arguments to send for {@code request}: the given ones, with bare words read as
     * strings where the schema wants strings.
     *
     * @throws ShellError for an unknown command or arguments the server would refuse
     */
    public ObjectNode check(Request request) {
        String command = request.command();
        if (!schema.hasCommand(command)) {
            throw new ShellError("The command " + command + " has not been found");
        }
        String type = schema.argumentType(command);
        if (type == null) {
            return request.arguments();
        }
        return object(type, request.arguments(), "", request.bareWords(), OPEN_COMMANDS.contains(command));
    }

    private JsonNode value(String type, JsonNode given, String path, Map<String, String> bareWords) {
        JsonNode value = asTyped(type, given, bareWords.get(path));
        return switch (schema.metaType(type)) {
            case "builtin" -> {
                if (!schema.accepts(type, value)) {
                    throw invalidType(path, schema.describe(type));
                }
                yield value;
            }
            case "enum" -> enumValue(type, value, path);
            case "array" -> array(type, value, path, bareWords);
            case "object" -> object(type, value, path, bareWords, false);
            case "alternate" -> alternate(type, value, path, bareWords);
            default -> value; // a type the schema does not describe: the server will judge
        };
    }

    /** A bare word as the string it spells, where the type takes that and not the parsed value. */
    private JsonNode asTyped(String type, JsonNode value, String bareWord) {
        if (bareWord == null || value.isTextual() || schema.accepts(type, value)) {
            return value;
        }
        TextNode text = TextNode.valueOf(bareWord);
        return schema.accepts(type, text) ? text : value;
    }

    private JsonNode enumValue(String type, JsonNode value, String path) {
        if (!value.isTextual()) {
            throw invalidType(path, "string");
        }
        if (!schema.enumValues(type).contains(value.textValue())) {
            throw new ShellError(
                    Input.STRICT.badEnumValue(path, value.textValue()).desc());
        }
        return value;
    }

    private JsonNode array(String type, JsonNode value, String path, Map<String, String> bareWords) {
        if (!value.isArray()) {
            throw invalidType(path, "array");
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode(value.size());
        String element = schema.elementType(type);
        for (int i = 0; i < value.size(); i++) {
            out.add(value(element, value.get(i), Input.element(path, i), bareWords));
        }
        return out;
    }

    private JsonNode alternate(String type, JsonNode value, String path, Map<String, String> bareWords) {
        for (String branch : schema.alternatives(type)) {
            if (schema.accepts(branch, value)) {
                return value(branch, value, path, bareWords);
            }
        }
        throw invalidType(path, schema.describe(type));
    }

    /**
     * Members in schema order: a missing mandatory one is reported where QEMU's visitor meets
     * it, members the type does not have after all others, as QEMU does.
     */
    private ObjectNode object(String type, JsonNode value, String path, Map<String, String> bareWords, boolean open) {
        if (!(value instanceof ObjectNode given)) {
            throw invalidType(path, "object");
        }
        Map<String, JsonNode> checked = new HashMap<>();
        for (ServerSchema.Member member : schema.members(type, given)) {
            JsonNode memberValue = given.get(member.name());
            String memberPath = Input.member(path, member.name());
            if (memberValue != null) {
                checked.put(member.name(), value(member.type(), memberValue, memberPath, bareWords));
            } else if (!member.optional()) {
                throw new ShellError(Input.STRICT.missing(memberPath).desc());
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode checkedValue = checked.get(member.getKey());
            if (checkedValue == null && !open) {
                throw new ShellError(Input.STRICT
                        .unexpected(Input.member(path, member.getKey()))
                        .desc());
            }
            out.set(member.getKey(), checkedValue != null ? checkedValue : member.getValue());
        }
        return out;
    }

    private static ShellError invalidType(String path, String expected) {
        return new ShellError(Input.STRICT.invalidType(path, expected).desc());
    }
}
