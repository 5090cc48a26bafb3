package io.qapi.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one input line into a {@link Request}. Two forms are accepted:
 * <ul>
 *   <li>QEMU's qmp-shell form, {@code command key=value key2=value2}: each value is read as
 *       JSON when it parses ({@code 1}, {@code true}, {@code "a b"}, {@code [1, 2]},
 *       {@code {"name": "max"}}), else it is the string it spells; a dotted key
 *       ({@code model.name=max}) sets a member of a nested object;</li>
 *   <li>a QMP request as JSON: {@code {"execute": "stop"}}, with {@code arguments}, and
 *       {@code exec-oob} for out-of-band commands. As QEMU's parser does, it also takes
 *       single-quoted strings.</li>
 * </ul>
 */
public final class LineParser {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private LineParser() {}

    /** Whether a line holds no command: empty, white space, or a {@code #} comment. */
    public static boolean isBlank(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith("#");
    }

    /** The request a line asks for; a line that is not one throws {@link ShellError}. */
    public static Request parse(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("{")) {
            return parseJson(stripped);
        }
        List<String> words = Words.split(stripped);
        if (words.isEmpty()) {
            throw new ShellError("No command given");
        }
        String command = words.get(0);
        if (command.contains("=")) {
            throw new ShellError("A command name comes first, not '" + command + "'");
        }
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        Map<String, String> bareWords = new LinkedHashMap<>();
        Set<String> madeByDots = new HashSet<>();
        for (String word : words.subList(1, words.size())) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                throw new ShellError("'" + word + "' is not a key=value argument");
            }
            String key = word.substring(0, equals);
            String text = word.substring(equals + 1);
            put(arguments, key, value(key, text), madeByDots);
            if (isBare(text)) {
                bareWords.put(key, text);
            }
        }
        return new Request(command, arguments, false, bareWords);
    }

    /**
     * The arguments the {@code key=value} words give, leaving out words that do not read: what
     * completion knows of a line being typed.
     */
    static ObjectNode givenArguments(List<String> words) {
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        Set<String> madeByDots = new HashSet<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = word.substring(0, equals);
            try {
                put(arguments, key, value(key, word.substring(equals + 1)), madeByDots);
            } catch (ShellError ignored) {
                // a word still being written, or a mistake the check will report
            }
        }
        return arguments;
    }

    /** A value written without quotes or brackets. */
    private static boolean isBare(String text) {
        return text.isEmpty() || "\"'{[".indexOf(text.charAt(0)) < 0;
    }

    /** An argument's value: JSON when it parses; else, when it does not look like JSON, its text. */
    static JsonNode value(String key, String text) {
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.textNode("");
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            if (isBare(text)) {
                return JsonNodeFactory.instance.textNode(text);
            }
            throw new ShellError("The value of '" + key + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Sets {@code key} (dotted for nested objects) in {@code arguments}. A key names either a
     * value or, through dotted keys, an object's members, never both: members are not merged
     * into an object given as a value. {@code madeByDots} holds the paths of the objects that
     * dotted keys made.
     */
    private static void put(ObjectNode arguments, String key, JsonNode value, Set<String> madeByDots) {
        String[] path = key.split("\\.", -1);
        ObjectNode parent = arguments;
        for (int i = 0; i < path.length; i++) {
            String name = path[i];
            if (name.isEmpty()) {
                throw new ShellError("'" + key + "' is not a valid argument name");
            }
            String prefix = String.join(".", Arrays.asList(path).subList(0, i + 1));
            JsonNode existing = parent.get(name);
            boolean last = i == path.length - 1;
            if (existing == null && last) {
                parent.set(name, value);
            } else if (existing == null) {
                parent = parent.putObject(name);
                madeByDots.add(prefix);
            } else if (last && !madeByDots.contains(prefix)) {
                throw new ShellError("'" + prefix + "' is given twice");
            } else if (last || !madeByDots.contains(prefix)) {
                throw new ShellError("'" + prefix + "' is given both a value and members");
            } else {
                parent = (ObjectNode) existing;
            }
        }
    }

    // ---- the JSON form

    private static Request parseJson(String text) {
        JsonNode request;
        try {
            request = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ShellError("Not a JSON object: " + e.getOriginalMessage());
        }
        if (!(request instanceof ObjectNode object)) {
            throw new ShellError("Not a JSON object");
        }
        String command = null;
        boolean outOfBand = false;
        ObjectNode arguments = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            switch (member.getKey()) {
                case "execute", "exec-oob" -> {
                    if (command != null) {
                        throw new ShellError("QMP input member 'execute' and 'exec-oob' are exclusive");
                    }
                    if (!member.getValue().isTextual()) {
                        throw new ShellError("QMP input member '" + member.getKey() + "' must be a string");
                    }
                    command = member.getValue().textValue();
                    outOfBand = member.getKey().equals("exec-oob");
                }
                case "arguments" -> {
                    if (!(member.getValue() instanceof ObjectNode given)) {
                        throw new ShellError("QMP input member 'arguments' must be an object");
                    }
                    arguments = given;
                }
                case "id" -> {
                    // The client numbers its own commands; a given id has nothing to match.
                }
                default -> throw new ShellError("QMP input member '" + member.getKey() + "' is unexpected");
            }
        }
        if (command == null) {
            throw new ShellError("QMP input lacks member 'execute'");
        }
        return new Request(command, arguments, outOfBand, Map.of());
    }
}
