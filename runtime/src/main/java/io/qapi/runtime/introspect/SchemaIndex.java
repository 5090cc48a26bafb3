package io.qapi.runtime.introspect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code query-qmp-schema} value, indexed by name: commands and events under their own
 * names, types under the names the server gave them (QEMU masks them as {@code "0"},
 * {@code "1"}, …, and array types as {@code "[0]"}), so type names mean nothing across two
 * schemas; only the structure does.
 */
public final class SchemaIndex {
    private final Map<String, JsonNode> byName = new LinkedHashMap<>();

    private SchemaIndex(JsonNode schema) {
        if (!schema.isArray()) {
            throw new IllegalArgumentException("a query-qmp-schema value is a JSON array, not " + schema.getNodeType());
        }
        for (JsonNode entry : schema) {
            byName.put(entry.path("name").asText(), entry);
        }
    }

    public static SchemaIndex of(JsonNode schema) {
        return new SchemaIndex(schema);
    }

    /** The entry of that name, or null. */
    public JsonNode get(String name) {
        return name == null ? null : byName.get(name);
    }

    public String metaType(String name) {
        JsonNode entry = get(name);
        return entry == null ? "" : entry.path("meta-type").asText();
    }

    /** Entries of one meta-type ({@code command}, {@code event}, …), in schema order. */
    public List<JsonNode> entries(String metaType) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode entry : byName.values()) {
            if (metaType.equals(entry.path("meta-type").asText())) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The {@code features} of an entry or member, as strings. */
    public static List<String> features(JsonNode node) {
        JsonNode features = node == null ? null : node.get("features");
        if (features == null || features.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>(features.size());
        features.forEach(f -> out.add(f.asText()));
        return Collections.unmodifiableList(out);
    }

    /** An object type's member of that name, or null. */
    public static JsonNode member(JsonNode object, String name) {
        for (JsonNode member : object.path("members")) {
            if (name.equals(member.path("name").asText())) {
                return member;
            }
        }
        return null;
    }

    /** The variant an object's tag value selects, or null. */
    public static JsonNode variant(JsonNode object, String tagValue) {
        for (JsonNode variant : object.path("variants")) {
            if (tagValue.equals(variant.path("case").asText())) {
                return variant;
            }
        }
        return null;
    }

    /**
     * Whether a JSON value has the JSON type a schema type stands for; this is how QEMU picks an
     * alternate's branch.
     */
    public boolean accepts(String type, JsonNode value) {
        JsonNode entry = get(type);
        if (entry == null) {
            return false;
        }
        switch (entry.path("meta-type").asText()) {
            case "object":
                return value.isObject();
            case "array":
                return value.isArray();
            case "enum":
                return value.isTextual();
            case "builtin":
                return switch (entry.path("json-type").asText()) {
                    case "string" -> value.isTextual();
                    case "int" -> value.isIntegralNumber();
                    case "number" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    case "null" -> value.isNull();
                    default -> true;
                };
            default:
                return false;
        }
    }
}
