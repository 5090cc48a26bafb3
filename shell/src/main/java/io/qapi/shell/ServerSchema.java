package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.introspect.SchemaIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The server's {@code query-qmp-schema}, asked the questions the shell has: which commands
 * there are, what an argument's type is, which members an object has (with the members of
 * the union branch its tag selects), which values an enum takes.
 */
public final class ServerSchema {

    /** A member of an object type: its name, its type's name, and whether it may be left out. */
    public record Member(String name, String type, boolean optional) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    private final SchemaIndex index;
    private final List<String> commands;

    private ServerSchema(SchemaIndex index) {
        this.index = index;
        List<String> names = new ArrayList<>();
        for (JsonNode command : index.entries("command")) {
            names.add(command.path("name").asText());
        }
        this.commands = List.copyOf(names.stream().sorted().toList());
    }

    /** Reads a {@code query-qmp-schema} value (the array the command returns). */
    public static ServerSchema of(JsonNode schema) {
        return new ServerSchema(SchemaIndex.of(schema));
    }

    /** The command names, sorted. */
    public List<String> commands() {
        return commands;
    }

    public boolean hasCommand(String name) {
        return "command".equals(index.metaType(name));
    }

    /** The type of a command's arguments, or null when the server does not offer the command. */
    public String argumentType(String command) {
        return hasCommand(command) ? index.get(command).path("arg-type").asText(null) : null;
    }

    /** The entry describing a type ({@code meta-type} {@code object}, {@code enum}, …), or null. */
    public JsonNode type(String name) {
        return index.get(name);
    }

    public String metaType(String type) {
        return index.metaType(type);
    }

    /**
     * The members of an object type: its own, then those of the branch that {@code value}'s tag
     * selects when the type is a union and {@code value} names a known branch. {@code value}
     * may be null (nothing given yet).
     */
    public List<Member> members(String objectType, JsonNode value) {
        JsonNode entry = index.get(objectType);
        List<Member> members = new ArrayList<>();
        if (entry == null) {
            return members;
        }
        addMembers(entry, members);
        JsonNode branch = branch(entry, value);
        if (branch != null) {
            addMembers(branch, members);
        }
        return members;
    }

    /** The name of an object type's tag member, or null when it is no union. */
    public String tag(String objectType) {
        JsonNode entry = index.get(objectType);
        return entry == null ? null : entry.path("tag").asText(null);
    }

    /** The branch type a union's tag selects in {@code value}, or null. */
    private JsonNode branch(JsonNode union, JsonNode value) {
        String tag = union.path("tag").asText(null);
        if (tag == null || value == null || !value.path(tag).isTextual()) {
            return null;
        }
        JsonNode variant = SchemaIndex.variant(union, value.path(tag).textValue());
        return variant == null ? null : index.get(variant.path("type").asText());
    }

    private static void addMembers(JsonNode objectEntry, List<Member> into) {
        for (JsonNode member : objectEntry.path("members")) {
            into.add(
                    new Member(member.path("name").asText(), member.path("type").asText(), member.has("default")));
        }
    }

    /** The values of an enum type, in schema order; empty for any other type. */
    public List<String> enumValues(String enumType) {
        JsonNode entry = index.get(enumType);
        List<String> values = new ArrayList<>();
        if (entry == null || !"enum".equals(entry.path("meta-type").asText())) {
            return values;
        }
        // QEMU 6.2 added "members" (with features) beside "values", which it deprecated.
        if (entry.has("values")) {
            entry.path("values").forEach(v -> values.add(v.asText()));
        } else {
            entry.path("members").forEach(m -> values.add(m.path("name").asText()));
        }
        return values;
    }

    /** The branch types of an alternate, in schema order; empty for any other type. */
    public List<String> alternatives(String alternateType) {
        List<String> types = new ArrayList<>();
        JsonNode entry = index.get(alternateType);
        if (entry != null && "alternate".equals(entry.path("meta-type").asText())) {
            entry.path("members").forEach(m -> types.add(m.path("type").asText()));
        }
        return types;
    }

    /** An array type's element type, or null. */
    public String elementType(String arrayType) {
        JsonNode entry = index.get(arrayType);
        return entry == null ? null : entry.path("element-type").asText(null);
    }

    /**
     * Whether a value has the JSON type a schema type stands for ({@link SchemaIndex#accepts},
     * and for an alternate, any of its branches). Enum values are not checked here.
     */
    public boolean accepts(String type, JsonNode value) {
        if ("alternate".equals(metaType(type))) {
            return alternatives(type).stream().anyMatch(branch -> index.accepts(branch, value));
        }
        return index.accepts(type, value);
    }

    /** What a type takes, for messages: {@code integer}, {@code object}, {@code string or object}, …. */
    public String describe(String type) {
        return switch (metaType(type)) {
            case "object" -> "object";
            case "array" -> "array";
            case "enum" -> "string";
            case "alternate" ->
                String.join(
                        " or ",
                        alternatives(type).stream()
                                .map(this::describe)
                                .distinct()
                                .toList());
            case "builtin" ->
                switch (index.get(type).path("json-type").asText()) {
                    case "int" -> "integer";
                    case "value" -> "any value";
                    default -> index.get(type).path("json-type").asText();
                };
            default -> type;
        };
    }
}
