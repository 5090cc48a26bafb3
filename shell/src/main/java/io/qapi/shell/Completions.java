package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the shell offers to complete the word at the cursor, from the server's schema: command
 * names for the first word; then argument names ({@code driver=}, and {@code model.} for the
 * members of an object argument), the members of the union branch already chosen by its tag
 * among them; and after {@code key=}, the values of an enum or boolean argument. Arguments
 * already given are not offered again. Lines in the JSON form get no completions.
 */
public final class Completions {

    /**
     * One completion of the current word.
     *
     * @param word     the whole word it completes to
     * @param complete whether the word is finished (a space may follow), unlike {@code key=}
     */
    public record Completion(String word, boolean complete) {
        public Completion {
            Objects.requireNonNull(word, "word");
        }
    }

    private final ServerSchema schema;

    public Completions(ServerSchema schema) {
        this.schema = schema;
    }

    /** The completions of the last word of {@code lineBeforeCursor}, in the order offered. */
    public List<Completion> complete(String lineBeforeCursor) {
        List<Completion> out = new ArrayList<>();
        if (lineBeforeCursor.stripLeading().startsWith("{")) {
            return out;
        }
        List<String> words = Words.splitPartial(lineBeforeCursor);
        String current = words.get(words.size() - 1);
        if (words.size() == 1) {
            for (String command : schema.commands()) {
                if (command.startsWith(current)) {
                    out.add(new Completion(command, true));
                }
            }
            return out;
        }
        String type = schema.argumentType(words.get(0));
        if (type == null) {
            return out;
        }
        ObjectNode given = LineParser.givenArguments(words.subList(1, words.size() - 1));
        int equals = current.indexOf('=');
        if (equals >= 0) {
            values(type, given, current.substring(0, equals), current.substring(equals + 1), out);
        } else {
            keys(type, given, current, out);
        }
        return out;
    }

    /** Argument names (dotted below objects) that {@code prefix} begins. */
    private void keys(String type, ObjectNode given, String prefix, List<Completion> out) {
        int dot = prefix.lastIndexOf('.');
        String parent = dot < 0 ? "" : prefix.substring(0, dot + 1);
        String objectType = objectType(dot < 0 ? type : typeOf(type, given, prefix.substring(0, dot)));
        if (objectType == null) {
            return;
        }
        JsonNode givenHere = dot < 0 ? given : at(given, prefix.substring(0, dot));
        for (ServerSchema.Member member : schema.members(objectType, givenHere)) {
            String name = parent + member.name();
            if (!name.startsWith(prefix) || (givenHere != null && givenHere.has(member.name()))) {
                continue;
            }
            out.add(new Completion(name + "=", false));
            if (objectType(member.type()) != null) {
                out.add(new Completion(name + ".", false));
            }
        }
    }

    /** The values of an enum or boolean argument that {@code prefix} begins. */
    private void values(String type, ObjectNode given, String key, String prefix, List<Completion> out) {
        String valueType = typeOf(type, given, key);
        if (valueType == null) {
            return;
        }
        for (String value : choices(valueType)) {
            if (value.startsWith(prefix)) {
                out.add(new Completion(key + "=" + value, true));
            }
        }
    }

    /** The values a type takes from a short list: an enum's, a boolean's, an alternate's enum or boolean. */
    private List<String> choices(String type) {
        List<String> choices = new ArrayList<>();
        switch (schema.metaType(type)) {
            case "enum" -> choices.addAll(schema.enumValues(type));
            case "builtin" -> {
                if ("bool".equals(type)) {
                    choices.addAll(List.of("true", "false"));
                }
            }
            case "alternate" -> schema.alternatives(type).forEach(branch -> choices.addAll(choices(branch)));
            default -> {}
        }
        return choices;
    }

    /** The type of the argument at a dotted {@code key}, or null when the schema has none there. */
    private String typeOf(String argumentsType, ObjectNode given, String key) {
        String type = argumentsType;
        JsonNode value = given;
        for (String name : key.split("\\.", -1)) {
            type = objectType(type);
            if (type == null) {
                return null;
            }
            String memberType = null;
            for (ServerSchema.Member member : schema.members(type, value)) {
                if (member.name().equals(name)) {
                    memberType = member.type();
                }
            }
            if (memberType == null) {
                return null;
            }
            type = memberType;
            value = value == null ? null : value.get(name);
        }
        return type;
    }

    /** The object type a value of {@code type} can be: itself, or an alternate's object branch; else null. */
    private String objectType(String type) {
        if (type == null) {
            return null;
        }
        if ("object".equals(schema.metaType(type))) {
            return type;
        }
        return schema.alternatives(type).stream()
                .filter(t -> "object".equals(schema.metaType(t)))
                .findFirst()
                .orElse(null);
    }

    /** The value given at a dotted key, or null. */
    private static JsonNode at(JsonNode given, String key) {
        JsonNode value = given;
        for (String name : key.split("\\.", -1)) {
            value = value == null ? null : value.get(name);
        }
        return value;
    }
}
