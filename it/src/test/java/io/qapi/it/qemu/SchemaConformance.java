package io.qapi.it.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.introspect.SchemaIndex;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks that a JSON value is what a type of a {@code query-qmp-schema} value says: members
 * present when mandatory, none unknown, JSON types right, enum values listed, union branches
 * by their tag. Used to read every reply of a real QEMU against the schema it reports.
 */
final class SchemaConformance {
    private final SchemaIndex schema;
    private final List<String> problems = new ArrayList<>();

    private SchemaConformance(JsonNode schema) {
        this.schema = SchemaIndex.of(schema);
    }

    /** The problems, each with a path; empty when the value conforms. */
    static List<String> check(JsonNode schema, String type, JsonNode value, String path) {
        SchemaConformance check = new SchemaConformance(schema);
        check.value(type, value, path);
        return check.problems;
    }

    private void value(String type, JsonNode value, String path) {
        JsonNode entry = schema.get(type);
        if (entry == null) {
            problems.add(path + ": type " + type + " not in the schema");
            return;
        }
        switch (entry.path("meta-type").asText()) {
            case "object" -> object(entry, value, path);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(path + ": not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    value(entry.path("element-type").asText(), value.get(i), path + "[" + i + "]");
                }
            }
            case "enum" -> {
                if (!value.isTextual() || !contains(entry.path("values"), value.asText())) {
                    problems.add(path + ": " + value + " is not a value of the enum");
                }
            }
            case "alternate" -> {
                for (JsonNode member : entry.path("members")) {
                    if (schema.accepts(member.path("type").asText(), value)) {
                        value(member.path("type").asText(), value, path);
                        return;
                    }
                }
                problems.add(path + ": no branch of the alternate takes " + value.getNodeType());
            }
            default -> {
                if (!schema.accepts(type, value)) {
                    problems.add(path + ": " + value.getNodeType() + " where " + type + " was expected");
                }
            }
        }
    }

    private void object(JsonNode entry, JsonNode value, String path) {
        if (!value.isObject()) {
            problems.add(path + ": not an object");
            return;
        }
        List<String> known = new ArrayList<>();
        members(entry, value, path, known);
        String tag = entry.path("tag").asText(null);
        if (tag != null && value.path(tag).isTextual()) {
            JsonNode variant = SchemaIndex.variant(entry, value.path(tag).asText());
            if (variant != null) {
                members(schema.get(variant.path("type").asText()), value, path, known);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                problems.add(path + "." + name + ": not a member of the type");
            }
        }
    }

    private void members(JsonNode entry, JsonNode value, String path, List<String> known) {
        for (JsonNode member : entry.path("members")) {
            String name = member.path("name").asText();
            known.add(name);
            JsonNode given = value.get(name);
            if (given == null) {
                if (!member.has("default")) {
                    problems.add(path + "." + name + ": mandatory member missing");
                }
                continue;
            }
            value(member.path("type").asText(), given, path + "." + name);
        }
    }

    private static boolean contains(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
