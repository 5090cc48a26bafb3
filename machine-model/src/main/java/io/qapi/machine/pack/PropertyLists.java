package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a type's property list is stored in {@code types.json}: the distinct property entries
 * ({@code name}, {@code type}, {@code description}, {@code default-value}) are kept once in a
 * table, and a type's list is either the indexes of its entries in reply order, or, when that is
 * shorter, an edit of another type's list: {@code {"like": TYPE, "items": [...]}} where an
 * integer is an entry of the table and a pair {@code [from, count]} copies that run of TYPE's own
 * list. A device and its parent, or two CPU models, share most of their lists, so each type
 * stores only what differs; the capture tool checks that every list decodes back to QEMU's reply.
 */
public final class PropertyLists {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PropertyLists() {}

    /**
     * Rebuilds one type's reply list from its stored form; {@code listOf} gives the decoded list
     * of the type an edit refers to.
     */
    public static ArrayNode decode(JsonNode stored, JsonNode table, Function<String, ArrayNode> listOf) {
        ArrayNode result = NODES.arrayNode();
        ArrayNode base = null;
        JsonNode items = stored;
        if (stored.isObject()) {
            base = listOf.apply(stored.path("like").asText());
            items = stored.path("items");
        }
        for (JsonNode item : items) {
            if (item.isInt()) {
                result.add(entry(table, item.intValue()));
                continue;
            }
            if (base == null) {
                throw new IllegalArgumentException("a copied run without a base list: " + stored);
            }
            int from = item.path(0).intValue();
            int count = item.path(1).intValue();
            for (int i = from; i < from + count; i++) {
                result.add(base.get(i));
            }
        }
        return result;
    }

    private static JsonNode entry(JsonNode table, int index) {
        JsonNode entry = table.get(index);
        if (entry == null) {
            throw new IllegalArgumentException("no property entry " + index + " in the table");
        }
        return entry;
    }

    /**
     * The stored form of {@code list} as an edit of {@code base} (the entries' table indexes):
     * runs of at least two entries found in {@code base} are copied, the rest listed.
     */
    public static ObjectNode encodeAsEdit(String baseType, List<Integer> base, List<Integer> list) {
        ObjectNode stored = NODES.objectNode().put("like", baseType);
        ArrayNode items = stored.putArray("items");
        int i = 0;
        while (i < list.size()) {
            int[] run = longestRun(base, list, i);
            if (run[1] >= 2) {
                items.add(NODES.arrayNode().add(run[0]).add(run[1]));
                i += run[1];
            } else {
                items.add(list.get(i));
                i++;
            }
        }
        return stored;
    }

    /** The stored form of {@code list} on its own: its entries' table indexes. */
    public static ArrayNode encodePlain(List<Integer> list) {
        ArrayNode items = NODES.arrayNode();
        list.forEach(items::add);
        return items;
    }

    /** {@code [from, count]}: the longest run of {@code base} equal to {@code list} from {@code at}. */
    private static int[] longestRun(List<Integer> base, List<Integer> list, int at) {
        int bestFrom = 0;
        int bestCount = 0;
        for (int from = base.indexOf(list.get(at)); from >= 0 && from < base.size(); from++) {
            if (!base.get(from).equals(list.get(at))) {
                continue;
            }
            int count = 0;
            while (from + count < base.size()
                    && at + count < list.size()
                    && base.get(from + count).equals(list.get(at + count))) {
                count++;
            }
            if (count > bestCount) {
                bestFrom = from;
                bestCount = count;
            }
        }
        return new int[] {bestFrom, bestCount};
    }

    /** The indexes of {@code reply}'s entries in {@code table}, adding the entries it lacks
     * (the table keeps insertion order, so an entry's index is its position). */
    public static List<Integer> index(JsonNode reply, Map<JsonNode, Integer> table) {
        List<Integer> indexes = new ArrayList<>();
        for (JsonNode entry : reply) {
            indexes.add(table.computeIfAbsent(entry, e -> table.size()));
        }
        return indexes;
    }
}
