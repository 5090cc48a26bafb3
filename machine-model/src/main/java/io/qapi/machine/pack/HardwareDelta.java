package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one board's hardware differs from another's, device by device and bus by bus: what a
 * machine switch ({@code usb=on}) does to a machine type's board. Stored as
 * {@code {"devices": {"removed": [path], "set": [device]}, "buses": {...}}}, each part left out when
 * empty, so a switch that changes nothing is {@code {}}. Devices and buses are keyed by their QOM
 * path, which is what lets the differences of several switches be applied one after the other.
 * The records themselves are those of the capture's board walk, kept in path order as the walk
 * visits them.
 */
public final class HardwareDelta {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PARTS = List.of("devices", "buses");

    private HardwareDelta() {}

    /** What turns hardware {@code from} into hardware {@code to}. */
    public static ObjectNode between(JsonNode from, JsonNode to) {
        ObjectNode delta = NODES.objectNode();
        for (String part : PARTS) {
            Map<String, JsonNode> before = byPath(from.path(part));
            Map<String, JsonNode> after = byPath(to.path(part));
            ArrayNode removed = NODES.arrayNode();
            ArrayNode set = NODES.arrayNode();
            before.keySet().stream().filter(path -> !after.containsKey(path)).forEach(removed::add);
            after.forEach((path, record) -> {
                if (!record.equals(before.get(path))) {
                    set.add(record);
                }
            });
            if (!removed.isEmpty() || !set.isEmpty()) {
                ObjectNode change = delta.putObject(part);
                if (!removed.isEmpty()) {
                    change.set("removed", removed);
                }
                if (!set.isEmpty()) {
                    change.set("set", set);
                }
            }
        }
        return delta;
    }

    /** {@code hardware} with {@code delta} applied (neither is changed). */
    public static ObjectNode apply(JsonNode hardware, JsonNode delta) {
        ObjectNode out = NODES.objectNode();
        for (String part : PARTS) {
            Map<String, JsonNode> records = byPath(hardware.path(part));
            JsonNode change = delta.path(part);
            change.path("removed").forEach(path -> records.remove(path.asText()));
            change.path("set").forEach(record -> records.put(record.path("path").asText(), record));
            ArrayNode list = out.putArray(part);
            records.values().forEach(list::add);
        }
        return out;
    }

    /** Records by path, in path order (the order the board walk visits them in). */
    private static Map<String, JsonNode> byPath(JsonNode records) {
        Map<String, JsonNode> byPath = new TreeMap<>();
        records.forEach(record -> byPath.put(record.path("path").asText(), record));
        return byPath;
    }
}
