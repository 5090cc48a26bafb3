package io.qapi.runtime.introspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.introspect.SchemaDiff.Difference;
import io.qapi.runtime.introspect.SchemaDiff.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two {@code query-qmp-schema} values: the one a client was generated from and its
 * server's. Type names are masked and numbered differently in each, so types are matched by
 * where they are used: from each command's arguments and return value and each event's data,
 * member by member, branch by branch, element by element. Each pair of types is compared once.
 */
public final class SchemaCheck {
    private final SchemaIndex local;
    private final SchemaIndex remote;
    private final List<Difference> out = new ArrayList<>();
    private final List<Difference> deprecated = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private SchemaCheck(JsonNode local, JsonNode remote) {
        this.local = SchemaIndex.of(local);
        this.remote = SchemaIndex.of(remote);
    }

    /** The differences from the client's schema ({@code local}) to the server's ({@code remote}). */
    public static SchemaDiff compare(JsonNode local, JsonNode remote) {
        SchemaCheck check = new SchemaCheck(local, remote);
        check.definitions("command");
        check.definitions("event");
        return new SchemaDiff(check.out, check.deprecated);
    }

    /** The commands a schema marks deprecated. */
    public static Set<String> deprecatedCommands(JsonNode schema) {
        Set<String> names = new HashSet<>();
        for (JsonNode command : SchemaIndex.of(schema).entries("command")) {
            if (SchemaIndex.features(command).contains("deprecated")) {
                names.add(command.path("name").asText());
            }
        }
        return Set.copyOf(names);
    }

    private void definitions(String metaType) {
        Map<String, JsonNode> theirs = byName(remote.entries(metaType));
        for (JsonNode mine : local.entries(metaType)) {
            String name = mine.path("name").asText();
            JsonNode other = theirs.remove(name);
            if (other == null) {
                report(Kind.MISSING_ON_SERVER, metaType + " " + name, "");
                continue;
            }
            deprecated(other, metaType + " " + name, "");
            if (metaType.equals("command")) {
                type(
                        name + " arguments",
                        mine.path("arg-type").asText(),
                        other.path("arg-type").asText());
                type(
                        name + " returns",
                        mine.path("ret-type").asText(),
                        other.path("ret-type").asText());
            } else {
                type(
                        name + " data",
                        mine.path("arg-type").asText(),
                        other.path("arg-type").asText());
            }
        }
        theirs.keySet().forEach(name -> report(Kind.MISSING_IN_CLIENT, metaType + " " + name, ""));
    }

    private void type(String where, String mineName, String theirName) {
        if (!compared.add(mineName + "\u0000" + theirName)) {
            return;
        }
        JsonNode mine = local.get(mineName);
        JsonNode theirs = remote.get(theirName);
        if (mine == null || theirs == null) {
            return; // an entity without arguments, or a schema that does not list it
        }
        String kind = mine.path("meta-type").asText();
        if (!kind.equals(theirs.path("meta-type").asText())
                || (kind.equals("builtin") && !mineName.equals(theirName))) {
            report(Kind.TYPE_CHANGED, describe(mine) + " became " + describe(theirs), where);
            return;
        }
        switch (kind) {
            case "object" -> object(where, mine, theirs);
            case "enum" -> enumeration(where, mine, theirs);
            case "array" ->
                type(
                        where + "[]",
                        mine.path("element-type").asText(),
                        theirs.path("element-type").asText());
            case "alternate" -> alternate(where, mine, theirs);
            default -> {}
        }
    }

    private void object(String where, JsonNode mine, JsonNode theirs) {
        Map<String, JsonNode> theirMembers = byName(theirs.path("members"));
        for (JsonNode member : mine.path("members")) {
            String name = member.path("name").asText();
            JsonNode other = theirMembers.remove(name);
            if (other == null) {
                report(Kind.MISSING_ON_SERVER, "member '" + name + "'", where);
                continue;
            }
            deprecated(other, "member '" + name + "'", where);
            if (member.has("default") && !other.has("default")) {
                report(Kind.TYPE_CHANGED, "member '" + name + "' became mandatory", where);
            }
            type(
                    where + "." + name,
                    member.path("type").asText(),
                    other.path("type").asText());
        }
        theirMembers.forEach((name, other) -> report(
                Kind.MISSING_IN_CLIENT, "member '" + name + "'" + (other.has("default") ? "" : " (mandatory)"), where));
        Map<String, JsonNode> theirVariants = new LinkedHashMap<>();
        theirs.path("variants").forEach(v -> theirVariants.put(v.path("case").asText(), v));
        String tag = mine.path("tag").asText();
        for (JsonNode variant : mine.path("variants")) {
            String value = variant.path("case").asText();
            JsonNode other = theirVariants.remove(value);
            if (other == null) {
                report(Kind.MISSING_ON_SERVER, "branch " + tag + "='" + value + "'", where);
                continue;
            }
            type(
                    where + "(" + tag + "=" + value + ")",
                    variant.path("type").asText(),
                    other.path("type").asText());
        }
        theirVariants
                .keySet()
                .forEach(value -> report(Kind.MISSING_IN_CLIENT, "branch " + tag + "='" + value + "'", where));
    }

    private void enumeration(String where, JsonNode mine, JsonNode theirs) {
        Map<String, JsonNode> theirValues = new LinkedHashMap<>();
        theirs.path("values").forEach(v -> theirValues.put(v.asText(), SchemaIndex.member(theirs, v.asText())));
        for (JsonNode value : mine.path("values")) {
            if (!theirValues.containsKey(value.asText())) {
                report(Kind.MISSING_ON_SERVER, "value '" + value.asText() + "'", where);
                continue;
            }
            JsonNode member = theirValues.remove(value.asText());
            if (member != null) {
                deprecated(member, "value '" + value.asText() + "'", where);
            }
        }
        theirValues.keySet().forEach(value -> report(Kind.MISSING_IN_CLIENT, "value '" + value + "'", where));
    }

    /** Alternates: branches are told apart by JSON type, so they are matched by it. */
    private void alternate(String where, JsonNode mine, JsonNode theirs) {
        Map<String, String> theirBranches = new LinkedHashMap<>();
        theirs.path("members")
                .forEach(m -> theirBranches.put(
                        jsonType(remote, m.path("type").asText()),
                        m.path("type").asText()));
        for (JsonNode member : mine.path("members")) {
            String type = member.path("type").asText();
            String other = theirBranches.remove(jsonType(local, type));
            if (other == null) {
                report(Kind.MISSING_ON_SERVER, "branch " + describe(local.get(type)), where);
            } else {
                type(where, type, other);
            }
        }
        theirBranches
                .values()
                .forEach(type -> report(Kind.MISSING_IN_CLIENT, "branch " + describe(remote.get(type)), where));
    }

    private static String jsonType(SchemaIndex schema, String type) {
        JsonNode entry = schema.get(type);
        if (entry == null) {
            return type;
        }
        String kind = entry.path("meta-type").asText();
        return switch (kind) {
            case "builtin" -> entry.path("json-type").asText();
            case "enum" -> "string";
            default -> kind;
        };
    }

    private static String describe(JsonNode entry) {
        if (entry == null) {
            return "unknown";
        }
        String kind = entry.path("meta-type").asText();
        return kind.equals("builtin") ? entry.path("name").asText() : kind;
    }

    private void deprecated(JsonNode theirs, String what, String where) {
        if (SchemaIndex.features(theirs).contains("deprecated")) {
            deprecated.add(new Difference(Kind.DEPRECATED, what, where));
        }
    }

    private void report(Kind kind, String what, String where) {
        out.add(new Difference(kind, what, where));
    }

    private static Map<String, JsonNode> byName(Iterable<JsonNode> entries) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.path("name").asText(), e));
        return map;
    }
}
