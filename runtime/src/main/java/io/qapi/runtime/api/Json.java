package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writing QAPI values as JSON trees; the counterpart of {@link Input}. */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static JsonNode string(String value) {
        return NODES.textNode(value);
    }

    public static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }

    public static JsonNode integer(long value) {
        return NODES.numberNode(value);
    }

    /** An unsigned 64-bit value held in a {@code long}. */
    public static JsonNode unsigned(long value) {
        return value >= 0 ? NODES.numberNode(value) : NODES.numberNode(new BigInteger(Long.toUnsignedString(value)));
    }

    public static JsonNode number(double value) {
        return NODES.numberNode(value);
    }

    public static JsonNode nul() {
        return NODES.nullNode();
    }

    public static JsonNode enumValue(QapiEnum value) {
        return NODES.textNode(value.wireName());
    }

    public static <T> ArrayNode list(List<T> values, Function<? super T, JsonNode> element) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (T value : values) {
            array.add(element.apply(value));
        }
        return array;
    }

    /** Adds members kept from a lenient read; a kept member replaces the one written. */
    public static ObjectNode withKept(ObjectNode object, Map<String, JsonNode> kept) {
        if (!kept.isEmpty()) {
            kept.forEach(object::set);
        }
        return object;
    }
}
