package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code cpu-expansions.json} stores the CPU model expansions compactly. QEMU's replies list
 * every property of a model (some 330 for {@code static}, 430 for {@code full} on x86), and
 * models differ in few of them; so the file holds, per expansion type, a {@code reference}: each
 * property with the value most models have (in the order QEMU first listed it), and per model
 * its reply with only the properties that differ from the reference, plus {@code absent}: the
 * reference properties the model does not have. A reply without {@code return.model.props}
 * (an error, say) is kept as it is.
 */
public final class CpuExpansionLayout {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String REFERENCE = "reference";
    static final String MODELS = "models";
    static final String ABSENT = "absent";

    private CpuExpansionLayout() {}

    /** Per model name, per expansion type, QEMU's reply → the compact form. */
    public static ObjectNode compact(ObjectNode expansions) {
        ObjectNode references = NODES.objectNode();
        for (String type : types(expansions)) {
            references.set(type, reference(expansions, type));
        }
        ObjectNode models = NODES.objectNode();
        expansions.fields().forEachRemaining(model -> {
            ObjectNode perType = models.putObject(model.getKey());
            model.getValue()
                    .fields()
                    .forEachRemaining(t -> perType.set(
                            t.getKey(), difference(t.getValue(), (ObjectNode) references.path(t.getKey()))));
        });
        ObjectNode out = NODES.objectNode();
        out.set(REFERENCE, references);
        out.set(MODELS, models);
        return out;
    }

    /** The replies as QEMU gave them (property order aside), from the compact form. */
    static JsonNode expand(JsonNode compact) {
        JsonNode references = compact.path(REFERENCE);
        ObjectNode out = NODES.objectNode();
        compact.path(MODELS).fields().forEachRemaining(model -> {
            ObjectNode perType = out.putObject(model.getKey());
            model.getValue()
                    .fields()
                    .forEachRemaining(t -> perType.set(t.getKey(), whole(t.getValue(), references.path(t.getKey()))));
        });
        return out;
    }

    /** One model's reply for one expansion type, from the compact form; empty if not captured. */
    static Optional<JsonNode> expand(JsonNode compact, String model, String type) {
        JsonNode stored = compact.path(MODELS).path(model).path(type);
        return stored.isMissingNode()
                ? Optional.empty()
                : Optional.of(whole(stored, compact.path(REFERENCE).path(type)));
    }

    private static Iterable<String> types(ObjectNode expansions) {
        Map<String, Boolean> types = new LinkedHashMap<>();
        expansions.forEach(model -> model.fieldNames().forEachRemaining(t -> types.put(t, true)));
        return types.keySet();
    }

    private static JsonNode props(JsonNode reply) {
        return reply.path("return").path("model").path("props");
    }

    /** Each property's most common value among the models, ties to the first seen. */
    private static ObjectNode reference(ObjectNode expansions, String type) {
        Map<String, Map<JsonNode, Integer>> counts = new LinkedHashMap<>();
        expansions.forEach(model -> props(model.path(type))
                .fields()
                .forEachRemaining(p -> counts.computeIfAbsent(p.getKey(), k -> new LinkedHashMap<>())
                        .merge(p.getValue(), 1, Integer::sum)));
        ObjectNode reference = NODES.objectNode();
        counts.forEach((name, values) -> {
            JsonNode best = null;
            int most = 0;
            for (Map.Entry<JsonNode, Integer> v : values.entrySet()) {
                if (v.getValue() > most) {
                    best = v.getKey();
                    most = v.getValue();
                }
            }
            reference.set(name, best);
        });
        return reference;
    }

    private static JsonNode difference(JsonNode reply, ObjectNode reference) {
        JsonNode props = props(reply);
        if (!props.isObject()) {
            return reply;
        }
        ObjectNode kept = NODES.objectNode();
        props.fields().forEachRemaining(p -> {
            if (!p.getValue().equals(reference.get(p.getKey()))) {
                kept.set(p.getKey(), p.getValue());
            }
        });
        ArrayNode absent = NODES.arrayNode();
        reference.fieldNames().forEachRemaining(name -> {
            if (!props.has(name)) {
                absent.add(name);
            }
        });
        ObjectNode copy = reply.deepCopy();
        ((ObjectNode) copy.path("return").path("model")).set("props", kept);
        if (!absent.isEmpty()) {
            copy.set(ABSENT, absent);
        }
        return copy;
    }

    private static JsonNode whole(JsonNode stored, JsonNode reference) {
        JsonNode kept = props(stored);
        if (!kept.isObject()) {
            return stored;
        }
        Map<String, Boolean> absent = new HashMap<>();
        stored.path(ABSENT).forEach(name -> absent.put(name.asText(), true));
        ObjectNode props = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = reference.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (!absent.containsKey(p.getKey())) {
                props.set(p.getKey(), kept.has(p.getKey()) ? kept.get(p.getKey()) : p.getValue());
            }
        }
        kept.fields().forEachRemaining(p -> props.set(p.getKey(), p.getValue()));
        ObjectNode reply = stored.deepCopy();
        reply.remove(ABSENT);
        ((ObjectNode) reply.path("return").path("model")).set("props", props);
        return reply;
    }
}
