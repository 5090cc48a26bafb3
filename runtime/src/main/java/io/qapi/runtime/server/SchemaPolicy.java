package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.introspect.SchemaIndex;
import java.util.Iterator;

/**
 * The compat policy below the level of commands, driven by the server's own
 * {@code query-qmp-schema}: rejects deprecated or unstable arguments and enum values on the way
 * in ({@code Deprecated parameter x disabled by policy}, {@code Deprecated value y disabled by
 * policy}), and leaves such members, and such events, out on the way out. Values are only
 * copied when something is left out.
 */
final class SchemaPolicy {
    private final SchemaIndex schema;
    private final CompatPolicy compat;

    SchemaPolicy(JsonNode schema, CompatPolicy compat) {
        this.schema = SchemaIndex.of(schema);
        this.compat = compat;
    }

    void checkArguments(String command, ObjectNode arguments) {
        JsonNode entry = schema.get(command);
        if (entry != null) {
            check(entry.path("arg-type").asText(null), arguments);
        }
    }

    JsonNode filterReturn(String command, JsonNode value) {
        JsonNode entry = schema.get(command);
        return entry == null ? value : filter(entry.path("ret-type").asText(null), value);
    }

    /** Whether the compat policy hides this event altogether. */
    boolean hidesEvent(String event) {
        JsonNode entry = schema.get(event);
        return entry != null && compat.hides(SchemaIndex.features(entry));
    }

    /** The event's data with hidden members left out. */
    JsonNode filterEventData(String event, JsonNode data) {
        JsonNode entry = schema.get(event);
        return entry == null || data == null
                ? data
                : filter(entry.path("arg-type").asText(null), data);
    }

    private void check(String type, JsonNode value) {
        JsonNode entry = schema.get(type);
        if (entry == null || value == null) {
            return;
        }
        switch (entry.path("meta-type").asText()) {
            case "object" -> checkObject(entry, value);
            case "array" ->
                value.forEach(element -> check(entry.path("element-type").asText(), element));
            case "enum" -> {
                if (value.isTextual()) {
                    JsonNode member = SchemaIndex.member(entry, value.textValue());
                    reject(member, "value", value.textValue());
                }
            }
            case "alternate" -> check(branch(entry, value), value);
            default -> {}
        }
    }

    private void checkObject(JsonNode entry, JsonNode value) {
        if (!value.isObject()) {
            return;
        }
        for (JsonNode member : entry.path("members")) {
            String name = member.path("name").asText();
            JsonNode given = value.get(name);
            if (given != null) {
                reject(member, "parameter", name);
                check(member.path("type").asText(), given);
            }
        }
        JsonNode variant = selected(entry, value);
        if (variant != null) {
            check(variant.path("type").asText(), value);
        }
    }

    private void reject(JsonNode member, String kind, String name) {
        if (member == null) {
            return;
        }
        String error = compat.rejects(SchemaIndex.features(member), kind, name);
        if (error != null) {
            throw QmpError.generic(error);
        }
    }

    private JsonNode filter(String type, JsonNode value) {
        JsonNode entry = schema.get(type);
        if (entry == null || value == null) {
            return value;
        }
        switch (entry.path("meta-type").asText()) {
            case "object":
                return filterObject(entry, value);
            case "array":
                return filterArray(entry.path("element-type").asText(), value);
            case "alternate":
                return filter(branch(entry, value), value);
            default:
                return value;
        }
    }

    private JsonNode filterObject(JsonNode entry, JsonNode value) {
        if (!value.isObject()) {
            return value;
        }
        ObjectNode copy = null;
        for (JsonNode member : entry.path("members")) {
            String name = member.path("name").asText();
            JsonNode given = value.get(name);
            if (given == null) {
                continue;
            }
            JsonNode filtered = compat.hides(SchemaIndex.features(member))
                    ? null
                    : filter(member.path("type").asText(), given);
            if (changed(filtered, given)) {
                copy = copy != null ? copy : ((ObjectNode) value).deepCopy();
                if (filtered == null) {
                    copy.remove(name);
                } else {
                    copy.set(name, filtered);
                }
            }
        }
        JsonNode result = copy != null ? copy : value;
        JsonNode variant = selected(entry, value);
        return variant == null ? result : filter(variant.path("type").asText(), result);
    }

    /** Whether filtering made something new of {@code given}. */
    // filter gives back the very node it was given when it hid nothing: no equality walk needed
    @SuppressWarnings("ReferenceEquality")
    private static boolean changed(JsonNode filtered, JsonNode given) {
        return filtered != given;
    }

    private JsonNode filterArray(String elementType, JsonNode value) {
        if (!value.isArray()) {
            return value;
        }
        ArrayNode copy = null;
        for (int i = 0; i < value.size(); i++) {
            JsonNode filtered = filter(elementType, value.get(i));
            if (changed(filtered, value.get(i))) {
                copy = copy != null ? copy : ((ArrayNode) value).deepCopy();
                copy.set(i, filtered);
            }
        }
        return copy != null ? copy : value;
    }

    private JsonNode selected(JsonNode entry, JsonNode value) {
        String tag = entry.path("tag").asText(null);
        JsonNode tagValue = tag == null ? null : value.get(tag);
        return tagValue == null || !tagValue.isTextual() ? null : SchemaIndex.variant(entry, tagValue.textValue());
    }

    private String branch(JsonNode alternate, JsonNode value) {
        for (Iterator<JsonNode> it = alternate.path("members").elements(); it.hasNext(); ) {
            String type = it.next().path("type").asText();
            if (schema.accepts(type, value)) {
                return type;
            }
        }
        return null;
    }
}
