package io.qapi.machine.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.PropertyLists;
import io.qapi.machine.pack.TypeCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@code types.json} tree that {@link TypeCatalog} reads, from the replies {@link
 * TypeCapture} collected, and renders it one entry a line so that the file stays readable and a
 * re-capture's difference shows as a line.
 */
final class TypeFile {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> types;
    private final Map<String, String> parents = new HashMap<>();
    private final ObjectNode tree = NODES.objectNode();
    private final Map<JsonNode, Integer> table = new LinkedHashMap<>();

    TypeFile(List<JsonNode> types) {
        this.types = types;
        ArrayNode list = tree.putArray("types");
        types.forEach(list::add);
        types.forEach(t -> parents.put(t.path("name").asText(), t.path("parent").asText(null)));
    }

    /**
     * Per type, the interfaces it declares beyond its parent's. QEMU lists a class under {@code
     * implements=I} when exactly one of its interfaces is I or below I (two make the cast
     * ambiguous), so a class's interfaces are those it is listed under that have no listed
     * sub-interface; {@link TypeCheck} confirms that this gives back every listing.
     */
    void interfaces(Map<String, JsonNode> implementers) {
        Map<String, Set<String>> listedUnder = new HashMap<>();
        implementers.forEach((iface, reply) -> reply.path("return").forEach(t -> {
            String name = t.path("name").asText();
            if (!descends(name, iface)) {
                listedUnder.computeIfAbsent(name, n -> new HashSet<>()).add(iface);
            }
        }));
        Map<String, Set<String>> declared = new HashMap<>();
        listedUnder.forEach((type, ifaces) -> {
            Set<String> leaves = new HashSet<>();
            for (String iface : ifaces) {
                if (ifaces.stream().noneMatch(other -> !other.equals(iface) && descends(other, iface))) {
                    leaves.add(iface);
                }
            }
            declared.put(type, leaves);
        });
        ObjectNode out = tree.putObject("interfaces");
        for (JsonNode type : types) {
            String name = type.path("name").asText();
            Set<String> own = new HashSet<>(declared.getOrDefault(name, Set.of()));
            String parent = parents.get(name);
            if (parent != null) {
                own.removeAll(declared.getOrDefault(parent, Set.of()));
            }
            if (!own.isEmpty()) {
                ArrayNode list = out.putArray(name);
                implementers.keySet().stream().filter(own::contains).forEach(list::add);
            }
        }
    }

    private boolean descends(String type, String ancestor) {
        for (String t = type; t != null; t = parents.get(t)) {
            if (t.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per module type, the module types present after a fresh QEMU was asked {@code
     * device-list-properties} of it; a type on which QEMU dies there is known to load at least itself.
     */
    void moduleTypes(
            Set<String> moduleTypes, Map<String, JsonNode> deviceReplies, Map<String, Map<String, JsonNode>> qomAfter) {
        ObjectNode out = tree.putObject("module-types");
        for (String type : moduleTypes) {
            ArrayNode loaded = out.putArray(type);
            if (deviceReplies.get(type) == null) {
                loaded.add(type);
            }
            qomAfter.get(type).forEach((other, reply) -> {
                if (!reply.path("error").path("class").asText().equals("DeviceNotFound")) {
                    loaded.add(other);
                }
            });
        }
    }

    /**
     * The replies of {@code command} that are lists, each stored as an edit of its parent's list
     * or of the previous type with the same parent, whichever is shortest (see {@link PropertyLists}).
     */
    void properties(String command, Map<String, JsonNode> replies) {
        ObjectNode out = tree.putObject(command);
        Map<String, List<Integer>> lists = new HashMap<>();
        Map<String, String> lastChild = new HashMap<>();
        for (JsonNode type : types) {
            String name = type.path("name").asText();
            JsonNode reply = replies.get(name);
            if (reply == null || !reply.has("return")) {
                continue;
            }
            List<Integer> list = PropertyLists.index(reply.path("return"), table);
            lists.put(name, list);
            String parent = parents.get(name);
            JsonNode best = PropertyLists.encodePlain(list);
            for (String base : new String[] {parent, lastChild.get(parent)}) {
                if (base != null && lists.containsKey(base)) {
                    JsonNode edit = PropertyLists.encodeAsEdit(base, lists.get(base), list);
                    if (compact(edit).length() < compact(best).length()) {
                        best = edit;
                    }
                }
            }
            lastChild.put(parent, name);
            out.set(name, best);
        }
        ArrayNode entries = tree.putArray("properties");
        table.keySet().forEach(entries::add);
    }

    /**
     * The types whose replies count buses: per type, the bus kind whose counter names its buses,
     * how many such buses each instance makes, and per command its replies after the first as edits
     * of the first (which {@link #properties} stored as the type's reply).
     */
    void busCounters(Map<String, Map<String, List<JsonNode>>> variants) {
        ObjectNode out = tree.putObject("bus-counters");
        variants.forEach((type, perCommand) -> {
            ObjectNode entry = out.putObject(type);
            List<String> counted = countedBuses(perCommand);
            String kind = counted.get(0).substring(0, counted.get(0).lastIndexOf('.'));
            if (counted.stream().anyMatch(bus -> !bus.startsWith(kind + "."))) {
                throw new IllegalStateException(type + " counts buses of several kinds: " + counted);
            }
            entry.put("kind", kind).put("per-instance", counted.size());
            perCommand.forEach((command, replies) -> {
                if (!replies.get(0).has("return")) {
                    return;
                }
                List<Integer> first = PropertyLists.index(replies.get(0).path("return"), table);
                ArrayNode later = entry.putArray(command);
                for (JsonNode reply : replies.subList(1, replies.size())) {
                    later.add(
                            PropertyLists.encodeAsEdit(type, first, PropertyLists.index(reply.path("return"), table)));
                }
            });
        });
    }

    /** The child buses whose names change from a type's first reply to its second. */
    private static List<String> countedBuses(Map<String, List<JsonNode>> perCommand) {
        for (List<JsonNode> replies : perCommand.values()) {
            Set<String> second = new HashSet<>();
            replies.get(1).path("return").forEach(p -> second.add(p.path("name").asText()));
            List<String> changed = new ArrayList<>();
            for (JsonNode property : replies.get(0).path("return")) {
                String name = property.path("name").asText();
                if (property.path("type").asText().startsWith("child<")
                        && name.matches(".*\\.[0-9]+")
                        && !second.contains(name)) {
                    changed.add(name);
                }
            }
            if (!changed.isEmpty()) {
                return changed;
            }
        }
        throw new IllegalStateException("replies change but no counted bus does: " + perCommand);
    }

    /** A request on which QEMU aborts, with what it printed and its exit status. */
    void abort(String command, String type, TypeCatalog.Abort abort) {
        ObjectNode perCommand = tree.has("aborts") ? (ObjectNode) tree.get("aborts") : tree.putObject("aborts");
        ObjectNode entries =
                perCommand.has(command) ? (ObjectNode) perCommand.get(command) : perCommand.putObject(command);
        entries.putObject(type).put("message", abort.message()).put("exit-status", abort.exitStatus());
    }

    ObjectNode tree() {
        ArrayNode entries = tree.putArray("properties");
        table.keySet().forEach(entries::add);
        return tree;
    }

    /** The file's text: each top-level member on its own lines, one array element or map entry a line. */
    static String render(ObjectNode tree) throws JsonProcessingException {
        StringBuilder text = new StringBuilder("{\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            text.append("  ").append(compact(NODES.textNode(member.getKey()))).append(": ");
            JsonNode value = member.getValue();
            String open = value.isArray() ? "[" : "{";
            String close = value.isArray() ? "]" : "}";
            text.append(open).append('\n');
            Iterator<Map.Entry<String, JsonNode>> entries = value.isObject() ? value.fields() : null;
            for (int i = 0; i < value.size(); i++) {
                text.append("    ");
                if (entries != null) {
                    Map.Entry<String, JsonNode> entry = entries.next();
                    text.append(compact(NODES.textNode(entry.getKey())))
                            .append(": ")
                            .append(compact(entry.getValue()));
                } else {
                    text.append(compact(value.get(i)));
                }
                text.append(i + 1 < value.size() ? ",\n" : "\n");
            }
            text.append("  ").append(close).append(it.hasNext() ? ",\n" : "\n");
        }
        return text.append("}\n").toString();
    }

    private static String compact(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
