package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The QOM types of one binary, read from a pack's {@code types.json}: every type with its parent
 * and abstract flag (the {@code qom-list-types abstract=true} reply, in QEMU's order), the
 * interfaces each type declares beyond its parent's, the types that live in loadable modules (absent until
 * something loads them), and per type the {@code qom-list-properties} and {@code
 * device-list-properties} replies (see {@link PropertyLists}), plus the requests on which QEMU
 * aborts. Which request gets which error is a rule of QEMU's, applied in {@link TypeQueries}.
 */
public final class TypeCatalog {
    /** The file of a pack that holds the catalog. */
    public static final String FILE = "types.json";

    /** A request on which QEMU 7.2 aborts: what it prints on standard error, and its exit status. */
    public record Abort(String message, int exitStatus) {}

    private final List<JsonNode> types;
    private final Map<String, JsonNode> byName = new HashMap<>();
    private final Map<String, Set<String>> ownInterfaces = new HashMap<>();
    private final Map<String, Set<String>> moduleLoads = new LinkedHashMap<>();
    private final JsonNode busCounters;
    private final JsonNode table;
    private final JsonNode qomProperties;
    private final JsonNode deviceProperties;
    private final JsonNode aborts;
    private final Map<String, ArrayNode> decodedQom = new ConcurrentHashMap<>();
    private final Map<String, ArrayNode> decodedDevice = new ConcurrentHashMap<>();

    private TypeCatalog(JsonNode file) {
        List<JsonNode> list = new ArrayList<>();
        for (JsonNode type : file.path("types")) {
            list.add(type);
            byName.put(type.path("name").asText(), type);
        }
        this.types = List.copyOf(list);
        file.path("interfaces").fields().forEachRemaining(e -> ownInterfaces.put(e.getKey(), names(e.getValue())));
        file.path("module-types").fields().forEachRemaining(e -> moduleLoads.put(e.getKey(), names(e.getValue())));
        this.busCounters = file.path("bus-counters");
        this.table = file.path("properties");
        this.qomProperties = file.path("qom-list-properties");
        this.deviceProperties = file.path("device-list-properties");
        this.aborts = file.path("aborts");
    }

    /** Reads a catalog from the tree of a {@code types.json} file. */
    public static TypeCatalog parse(JsonNode file) {
        if (!file.path("types").isArray() || !file.path("properties").isArray()) {
            throw new IllegalArgumentException("not a type catalog: no types or properties table");
        }
        return new TypeCatalog(file);
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(n -> names.add(n.asText()));
        return Set.copyOf(names);
    }

    /** Every type's {@code qom-list-types} entry ({@code name}, {@code abstract}, {@code parent}), in QEMU's order. */
    public List<JsonNode> types() {
        return types;
    }

    /** Whether the binary has the type at all (perhaps in a module not loaded yet). */
    public boolean exists(String type) {
        return byName.containsKey(type);
    }

    public boolean isAbstract(String type) {
        return byName.containsKey(type) && byName.get(type).path("abstract").asBoolean();
    }

    /** The parent type, empty for a root ({@code object}, {@code interface}) or an unknown type. */
    public Optional<String> parent(String type) {
        JsonNode entry = byName.get(type);
        return entry == null || !entry.has("parent")
                ? Optional.empty()
                : Optional.of(entry.path("parent").asText());
    }

    /** Whether {@code type} is {@code ancestor} or descends from it through its parents. */
    public boolean descendsFrom(String type, String ancestor) {
        for (Optional<String> t = Optional.of(type); t.isPresent(); t = parent(t.get())) {
            if (t.get().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a value of {@code type} can be used as {@code target} (QOM's dynamic cast, by which
     * {@code qom-list-types implements=...} filters): {@code target} is the type or an ancestor,
     * or an interface of which exactly one of the type's interfaces is a kind (with two, the cast
     * is ambiguous and QEMU refuses it).
     */
    public boolean implementsType(String type, String target) {
        if (descendsFrom(type, target)) {
            return true;
        }
        if (!descendsFrom(target, "interface")) {
            return false;
        }
        int found = 0;
        for (Optional<String> t = Optional.of(type); t.isPresent(); t = parent(t.get())) {
            for (String iface : ownInterfaces.getOrDefault(t.get(), Set.of())) {
                if (descendsFrom(iface, target)) {
                    found++;
                }
            }
        }
        return found == 1;
    }

    /** The types that live in modules: absent from a fresh QEMU until a module providing them is loaded. */
    public Set<String> moduleTypes() {
        return moduleLoads.keySet();
    }

    /** The module types a request naming {@code type} makes present (empty for a type that is not in a module). */
    public Set<String> loadedBy(String type) {
        return moduleLoads.getOrDefault(type, Set.of());
    }

    /** The {@code qom-list-properties} reply list of {@code type}, when QEMU answers it with one. */
    public Optional<ArrayNode> qomListProperties(String type) {
        return decoded(type, qomProperties, decodedQom);
    }

    /** The {@code device-list-properties} reply list of {@code type}, when QEMU answers it with one. */
    /** The names of a device type's properties, as {@code device-list-properties} lists them. */
    public Set<String> devicePropertyNames(String type) {
        Set<String> names = new HashSet<>();
        deviceListProperties(type)
                .ifPresent(list -> list.forEach(p -> names.add(p.path("name").asText())));
        return names;
    }

    public Optional<ArrayNode> deviceListProperties(String type) {
        return decoded(type, deviceProperties, decodedDevice);
    }

    private Optional<ArrayNode> decoded(String type, JsonNode stored, Map<String, ArrayNode> cache) {
        if (!stored.has(type)) {
            return Optional.empty();
        }
        ArrayNode known = cache.get(type);
        if (known != null) {
            return Optional.of(known);
        }
        ArrayNode list = PropertyLists.decode(
                stored.get(type),
                table,
                like -> decoded(like, stored, cache)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "type " + type + "'s properties refer to " + like + ", which has none")));
        cache.put(type, list);
        return Optional.of(list);
    }

    /**
     * How a type's instances name their child buses after a per-kind counter that every instance
     * advances ({@code i2c-bus.0}, then {@code i2c-bus.1}): the counter's bus kind and how many
     * buses of it each instance makes. What QEMU answers about such a type depends on what the
     * process made before.
     */
    public record BusCounter(String kind, int perInstance) {}

    /** The types whose replies count buses (see {@link BusCounter}). */
    public Set<String> historyDependent() {
        Set<String> names = new HashSet<>();
        busCounters.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The bus counter {@code type}'s instances advance, if they name buses after one. */
    public Optional<BusCounter> busCounter(String type) {
        JsonNode entry = busCounters.path(type);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new BusCounter(
                entry.path("kind").asText(), entry.path("per-instance").asInt()));
    }

    /**
     * The reply list of {@code command} ({@code "qom-list-properties"} or {@code
     * "device-list-properties"}) for the {@code ordinal}-th instance of a bus-counting type made in
     * a fresh QEMU (0 is the first); empty beyond what the capture recorded.
     */
    public Optional<ArrayNode> countedVariant(String command, String type, int ordinal) {
        boolean qom = command.equals("qom-list-properties");
        Optional<ArrayNode> first = qom ? qomListProperties(type) : deviceListProperties(type);
        if (ordinal == 0) {
            return first;
        }
        JsonNode later = busCounters.path(type).path(command).path(ordinal - 1);
        if (later.isMissingNode() || first.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PropertyLists.decode(later, table, like -> first.get()));
    }

    /** The abort QEMU 7.2 suffers when {@code command} is asked about {@code type}, if it does. */
    public Optional<Abort> abort(String command, String type) {
        JsonNode entry = aborts.path(command).path(type);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        return Optional.of(new Abort(
                entry.path("message").asText(), entry.path("exit-status").asInt()));
    }
}
