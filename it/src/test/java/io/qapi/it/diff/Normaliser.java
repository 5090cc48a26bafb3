package io.qapi.it.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes two outcomes of the same scenario comparable: drops what differs between any two runs
 * of the same program, and orders what the scenario says is unordered. Object key order needs
 * nothing here, as {@link JsonDiff} ignores it.
 * <ul>
 * <li>event {@code timestamp}s go;</li>
 * <li>{@code thread-id} goes from each entry of a {@code query-cpus-fast} reply (a host thread);</li>
 * <li>the list returned by a command named in {@code unordered} is sorted by its canonical text;</li>
 * <li>each pointer in the scenario's {@code ignore} is removed.</li>
 * </ul>
 * The greeting's {@code package} string is not kept by {@link TargetRun} in the first place: it
 * names the build (a distribution's, or the model), whereas the version triple, which management
 * software reads, is compared.
 */
final class Normaliser {
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Normaliser() {}

    /** A normalised copy of {@code outcome}; the argument is not changed. */
    static JsonNode normalise(JsonNode outcome, Scenario scenario) {
        JsonNode copy = outcome.deepCopy();
        if (copy.get("events") instanceof ArrayNode events) {
            events.forEach(event -> ((ObjectNode) event).remove("timestamp"));
        }
        if (copy.get("replies") instanceof ArrayNode replies) {
            for (int i = 0; i < replies.size() && i < scenario.steps().size(); i++) {
                String command = Scenario.command(scenario.steps().get(i)).orElse("");
                normaliseReply(replies.get(i), command, scenario);
            }
        }
        for (String pointer : scenario.ignore()) {
            remove(copy, pointer);
        }
        return copy;
    }

    private static void normaliseReply(JsonNode reply, String command, Scenario scenario) {
        if (!(reply.get("return") instanceof ArrayNode list)) {
            return;
        }
        if (command.equals("query-cpus-fast")) {
            list.forEach(cpu -> {
                if (cpu instanceof ObjectNode entry) {
                    entry.remove("thread-id");
                }
            });
        }
        if (scenario.unordered().contains(command)) {
            List<JsonNode> items = new ArrayList<>();
            list.forEach(items::add);
            items.sort(Comparator.comparing(Normaliser::canonicalText));
            list.removeAll();
            list.addAll(items);
        }
    }

    /** The value's JSON with object keys sorted, so that equal values give equal text. */
    static String canonicalText(JsonNode value) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(value, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the member or element at a JSON pointer; a pointer to nothing changes nothing. */
    private static void remove(JsonNode root, String pointer) {
        int cut = pointer.lastIndexOf('/');
        if (cut < 0) {
            throw new IllegalArgumentException("not a JSON pointer: " + pointer);
        }
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array && last.matches("\\d+") && Integer.parseInt(last) < array.size()) {
            array.remove(Integer.parseInt(last));
        }
    }
}
