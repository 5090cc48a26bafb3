package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * QEMU 7.2's answers to {@code qom-list-types}, {@code qom-list-properties} and {@code
 * device-list-properties} from a {@link TypeCatalog}, with its errors and its state:
 * which module types are loaded. A fresh QEMU has none; {@code qom-list-types} loads every module,
 * {@code device-list-properties} loads the module of the type it names, and {@code
 * qom-list-properties} loads nothing, so it reports a module type as not found until then. And per
 * bus kind, the counter after which new instances name their buses ({@link TypeCatalog.BusCounter}).
 * The capture tool checks these answers against the real binary, reply for reply.
 */
public final class TypeQueries {
    /** What QEMU does with a request. */
    public sealed interface Answer permits Reply, Failure, Aborted {
        /** The whole QMP reply object; an abort has none. */
        Optional<JsonNode> qmpReply();
    }

    /** A {@code return} with this value. */
    public record Reply(JsonNode value) implements Answer {
        @Override
        public Optional<JsonNode> qmpReply() {
            return Optional.of(JsonNodeFactory.instance.objectNode().set("return", value));
        }
    }

    /** An error reply of this class and text. */
    public record Failure(String errorClass, String desc) implements Answer {
        @Override
        public Optional<JsonNode> qmpReply() {
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.putObject("error").put("class", errorClass).put("desc", desc);
            return Optional.of(reply);
        }
    }

    /** QEMU aborts: no reply, the process ends. */
    public record Aborted(TypeCatalog.Abort abort) implements Answer {
        @Override
        public Optional<JsonNode> qmpReply() {
            return Optional.empty();
        }
    }

    private final TypeCatalog catalog;
    private final Set<String> loaded = new HashSet<>();
    /** Per bus kind, how many buses of it were named after its counter so far (QEMU's are per bus class). */
    private final Map<String, Integer> busCounters = new HashMap<>();

    public TypeQueries(TypeCatalog catalog) {
        this.catalog = catalog;
    }

    /** Whether {@code type} is present now: not in a module, or its module was loaded. */
    private synchronized boolean present(String type) {
        return catalog.exists(type) && (!catalog.moduleTypes().contains(type) || loaded.contains(type));
    }

    /** Whether every module is loaded (as after {@code qom-list-types}). */
    public synchronized boolean allModulesLoaded() {
        return loaded.containsAll(catalog.moduleTypes());
    }

    /** {@code qom-list-types}: the types (abstract ones only if asked) that can be used as {@code implementsType}. */
    public synchronized Answer qomListTypes(Optional<String> implementsType, boolean includeAbstract) {
        loaded.addAll(catalog.moduleTypes());
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (JsonNode type : catalog.types()) {
            String name = type.path("name").asText();
            if (!includeAbstract && type.path("abstract").asBoolean()) {
                continue;
            }
            if (implementsType.isPresent() && !catalog.implementsType(name, implementsType.get())) {
                continue;
            }
            list.add(type);
        }
        return new Reply(list);
    }

    /** {@code qom-list-properties}: the properties of a QOM (object) type, an instance's if it is concrete. */
    public synchronized Answer qomListProperties(String typename) {
        if (!present(typename)) {
            return new Failure("DeviceNotFound", "Class '" + typename + "' not found");
        }
        if (!catalog.descendsFrom(typename, "object")) {
            return new Failure("GenericError", "Parameter 'typename' expects a QOM type");
        }
        Optional<TypeCatalog.Abort> abort = catalog.abort("qom-list-properties", typename);
        if (abort.isPresent()) {
            return new Aborted(abort.get());
        }
        if (catalog.isAbstract(typename)) {
            // an abstract type's properties are its class's: nothing is made, no counter moves
            return properties(typename, catalog.qomListProperties(typename));
        }
        return instanceProperties("qom-list-properties", typename);
    }

    /** {@code device-list-properties}: the properties of a concrete device type, loading its module. */
    public synchronized Answer deviceListProperties(String typename) {
        loaded.addAll(catalog.loadedBy(typename));
        if (!present(typename)) {
            return new Failure("DeviceNotFound", "Device '" + typename + "' not found");
        }
        if (!catalog.descendsFrom(typename, "device") || catalog.isAbstract(typename)) {
            return new Failure("GenericError", "Parameter 'typename' expects a non-abstract device type");
        }
        Optional<TypeCatalog.Abort> abort = catalog.abort("device-list-properties", typename);
        if (abort.isPresent()) {
            return new Aborted(abort.get());
        }
        return instanceProperties("device-list-properties", typename);
    }

    /** The properties of a new instance of {@code typename}, which may name buses after a counter. */
    private Answer instanceProperties(String command, String typename) {
        Optional<TypeCatalog.BusCounter> counter = catalog.busCounter(typename);
        if (counter.isEmpty()) {
            return properties(
                    typename,
                    command.equals("qom-list-properties")
                            ? catalog.qomListProperties(typename)
                            : catalog.deviceListProperties(typename));
        }
        String kind = counter.get().kind();
        int made = busCounters.getOrDefault(kind, 0);
        busCounters.put(kind, made + counter.get().perInstance());
        int ordinal = made / counter.get().perInstance();
        Optional<ArrayNode> list = made % counter.get().perInstance() == 0
                ? catalog.countedVariant(command, typename, ordinal)
                : Optional.empty();
        if (list.isEmpty()) {
            return new Failure(
                    "GenericError",
                    "qemu-model: the reply naming " + kind + " bus " + made + " and on for " + typename
                            + " was not captured");
        }
        return new Reply(list.get());
    }

    private static Answer properties(String typename, Optional<ArrayNode> list) {
        // the rules above let through only types the capture recorded; a gap is a broken pack
        return new Reply(list.orElseThrow(
                () -> new IllegalStateException("the machine data pack has no property list for " + typename)));
    }
}
