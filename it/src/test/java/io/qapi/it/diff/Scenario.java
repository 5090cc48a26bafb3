package io.qapi.it.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 * that are dropped before comparing, for values that depend on the host;</li>
 * <li>{@code files}: host files the scenario needs (a disk image, say), as an object of plain file
 * names and sizes in bytes ({@code {"disk.img": 1048576}}): each run makes them, empty (sparse)
 * and of that length, in its own directory ({@code @RUN_DIR@}) before it starts its target;</li>
 * <li>{@code settle-ms}: how long the runner listens after the last step, collecting events,
 * before it asks the command whose reply ends the run: QEMU sends some events from a timer, after
 * the replies that caused them (DEVICE_DELETED some 50 ms after {@code device_del} on virt), and
 * a fast target could otherwise end the run before they come.</li>
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
 * @param files the files each run makes in its directory, by name, with their lengths
 * @param settle how long to listen for events after the last step
 */
public record Scenario(
        String name,
        String description,
        String binary,
        List<String> args,
        List<String> modelArgs,
        List<JsonNode> steps,
        Set<String> unordered,
        List<String> ignore,
        Map<String, Long> files,
        Duration settle) {
    static final String DEFAULT_BINARY = "qemu-system-x86_64";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN_KEYS =
            Set.of("description", "binary", "args", "model-args", "steps", "unordered", "ignore", "files", "settle-ms");
    /** The longest {@code settle-ms}: a scenario waits for a timer, not for a guest. */
    private static final long MAX_SETTLE_MS = 5000;
    /** A plain name in the run's directory: no separator, not "." or "..". */
    private static final Pattern FILE_NAME = Pattern.compile("(?!\\.\\.?$)[^/]+");

    public Scenario {
        args = List.copyOf(args);
        modelArgs = List.copyOf(modelArgs);
        steps = List.copyOf(steps);
        unordered = Set.copyOf(unordered);
        ignore = List.copyOf(ignore);
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** A scenario that needs no host files and listens for no late events. */
    public Scenario(
            String name,
            String description,
            String binary,
            List<String> args,
            List<String> modelArgs,
            List<JsonNode> steps,
            Set<String> unordered,
            List<String> ignore) {
        this(name, description, binary, args, modelArgs, steps, unordered, ignore, Map.of(), Duration.ZERO);
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
        for (Iterator<String> keys = root.fieldNames(); keys.hasNext(); ) {
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
        return new Scenario(
                name,
                text(name, root, "description").orElse(""),
                text(name, root, "binary").orElse(DEFAULT_BINARY),
                strings(name, root, "args", true),
                strings(name, root, "model-args", false),
                steps,
                new LinkedHashSet<>(strings(name, root, "unordered", false)),
                strings(name, root, "ignore", false),
                files(name, root),
                settle(name, root));
    }

    /** Makes the scenario's files in {@code dir}, sparse, each of its length. */
    public void makeFiles(Path dir) throws IOException {
        for (Map.Entry<String, Long> file : files.entrySet()) {
            try (RandomAccessFile made =
                    new RandomAccessFile(dir.resolve(file.getKey()).toFile(), "rw")) {
                made.setLength(file.getValue());
            }
        }
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

    private static Duration settle(String name, JsonNode root) {
        JsonNode value = root.get("settle-ms");
        if (value == null) {
            return Duration.ZERO;
        }
        if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > MAX_SETTLE_MS) {
            throw bad(
                    name,
                    "'settle-ms' is a whole number of milliseconds from 0 to " + MAX_SETTLE_MS + ", not " + value);
        }
        return Duration.ofMillis(value.asLong());
    }

    private static Map<String, Long> files(String name, JsonNode root) {
        JsonNode value = root.get("files");
        Map<String, Long> files = new LinkedHashMap<>();
        if (value == null) {
            return files;
        }
        if (!value.isObject()) {
            throw bad(name, "'files' must be an object of file names and sizes");
        }
        for (Iterator<Map.Entry<String, JsonNode>> members = value.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> file = members.next();
            if (!FILE_NAME.matcher(file.getKey()).matches()
                    || !file.getValue().canConvertToLong()
                    || file.getValue().asLong() < 0
                    || !file.getValue().isIntegralNumber()) {
                throw bad(name, "'files' maps plain file names to sizes in bytes, not " + file);
            }
            files.put(file.getKey(), file.getValue().asLong());
        }
        return files;
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
