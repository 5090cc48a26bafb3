package io.qapi.it.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One differential scenario: a command line, the QMP steps sent after negotiation, and how the
 * replies are compared. The file format is the reference harness's ({@code args}, {@code steps},
 * {@code unordered}), extended compatibly:
 * <ul>
 * <li>{@code description}: what the scenario tests (required in our own files);</li>
 * <li>{@code binary}: the reference emulator when it is not {@code qemu-system-x86_64}, e.g.
 * {@code qemu-system-aarch64};</li>
 * <li>{@code model-args}: arguments given to the model only, before {@code args}: the model is
 * one program for every target, so an aarch64 scenario tells it {@code -target aarch64} where
 * QEMU is a different binary (the self-check, QEMU against itself, leaves them out);</li>
 * <li>{@code ignore}: JSON pointers into the run's outcome (e.g. {@code /replies/2/return/0/props})
 * that are dropped before comparing, for values that depend on the host.</li>
 * </ul>
 * A step is a QMP command object, sent as compact JSON, or {@code {"raw": "text"}}, sent as is.
 *
 * @param name the file name without {@code .json}
 * @param description what the scenario tests, or empty
 * @param binary the reference emulator's program name
 * @param args the emulator's options, before the monitor and display options the runner adds
 * @param modelArgs options the model gets before {@code args}, and QEMU never
 * @param steps the steps in order
 * @param unordered commands whose list replies are compared as sets
 * @param ignore JSON pointers dropped from both outcomes before comparing
 */
public record Scenario(String name, String description, String binary, List<String> args, List<String> modelArgs,
        List<JsonNode> steps, Set<String> unordered, List<String> ignore) {
    static final String DEFAULT_BINARY = "qemu-system-x86_64";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_KEYS = Set.of("description", "binary", "args", "model-args", "steps",
            "unordered", "ignore");

    public Scenario {
        args = List.copyOf(args);
        modelArgs = List.copyOf(modelArgs);
        steps = List.copyOf(steps);
        unordered = Set.copyOf(unordered);
        ignore = List.copyOf(ignore);
    }

    /** Reads a scenario file; a malformed one is an {@link IllegalArgumentException} naming the file and the fault. */
    public static Scenario read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        String text = Files.readString(file);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        return parse(name, root);
    }

    /** Builds a scenario from its JSON; {@code name} is used in error messages and reports. */
    public static Scenario parse(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad(name, "the scenario must be a JSON object");
        }
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw bad(name, "unknown member '" + key + "' (known: " + KNOWN_KEYS + ")");
            }
        }
        List<JsonNode> steps = new ArrayList<>();
        for (JsonNode step : array(name, root, "steps", true)) {
            if (!step.isObject() || (step.has("raw") ? !step.get("raw").isTextual() : !step.has("execute"))) {
                throw bad(name, "a step is a QMP command object or {\"raw\": \"text\"}, not " + step);
            }
            steps.add(step);
        }
        return new Scenario(name, text(name, root, "description").orElse(""),
                text(name, root, "binary").orElse(DEFAULT_BINARY), strings(name, root, "args", true),
                strings(name, root, "model-args", false), steps,
                new LinkedHashSet<>(strings(name, root, "unordered", false)), strings(name, root, "ignore", false));
    }

    /** The command a step executes, or empty for a raw step. */
    public static Optional<String> command(JsonNode step) {
        JsonNode execute = step.get("execute");
        return execute != null && execute.isTextual() ? Optional.of(execute.asText()) : Optional.empty();
    }

    /** The text sent on the wire for a step. */
    public static String wireText(JsonNode step) {
        return step.has("raw") ? step.get("raw").asText() : step.toString();
    }

    private static Optional<String> text(String name, JsonNode root, String key) {
        JsonNode value = root.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw bad(name, "'" + key + "' must be a string");
        }
        return Optional.of(value.asText());
    }

    private static List<String> strings(String name, JsonNode root, String key, boolean required) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(name, root, key, required)) {
            if (!value.isTextual()) {
                throw bad(name, "'" + key + "' must hold strings only, not " + value);
            }
            values.add(value.asText());
        }
        return values;
    }

    private static JsonNode array(String name, JsonNode root, String key, boolean required) {
        JsonNode value = root.get(key);
        if (value == null && !required) {
            return JSON.createArrayNode();
        }
        if (value == null || !value.isArray()) {
            throw bad(name, "'" + key + "' must be an array");
        }
        return value;
    }

    private static IllegalArgumentException bad(String name, String problem) {
        return new IllegalArgumentException("scenario " + name + ": " + problem);
    }
}
