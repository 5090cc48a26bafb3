package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/**
 * How stored QOM data writes the machine's own QOM type ({@code pc-i440fx-2.0-machine}): as
 * {@value #PLACEHOLDER}, so that the versions of a family share their data and are stored as
 * differences. The capture hides the type; the model puts it back.
 */
public final class MachineTypePlaceholder {
    public static final String PLACEHOLDER = "{machine}";

    private MachineTypePlaceholder() {}

    /** {@code value} with the machine's QOM type, alone or as a {@code child<>}, replaced by the placeholder. */
    public static JsonNode hide(JsonNode value, String machineType) {
        String child = "child<" + machineType + ">";
        return mapText(
                value,
                text -> text.equals(machineType)
                        ? PLACEHOLDER
                        : text.equals(child) ? "child<" + PLACEHOLDER + ">" : text);
    }

    /** {@code value} with the machine's QOM type back in place of the placeholder. */
    public static JsonNode restore(JsonNode value, String machineType) {
        return mapText(value, text -> text.replace(PLACEHOLDER, machineType));
    }

    /** A copy of {@code value} with every string, but no member name, passed through {@code map}. */
    private static JsonNode mapText(JsonNode value, UnaryOperator<String> map) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isTextual()) {
            String mapped = map.apply(value.asText());
            return mapped.equals(value.asText()) ? value : nodes.textNode(mapped);
        }
        if (value.isArray()) {
            ArrayNode out = nodes.arrayNode();
            value.forEach(v -> out.add(mapText(v, map)));
            return out;
        }
        if (value.isObject()) {
            ObjectNode out = nodes.objectNode();
            value.fields().forEachRemaining(f -> out.set(f.getKey(), mapText(f.getValue(), map)));
            return out;
        }
        return value;
    }
}
