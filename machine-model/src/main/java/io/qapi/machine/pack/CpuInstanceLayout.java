package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How {@code cpu-instances.json} stores what the first CPU object of each CPU model answers to
 * {@code qom-list} and {@code qom-get} (written by {@code capture.CpuInstanceCapture}):
 *
 * <pre>{"machine": TYPE, "lists": [[[NAME, TYPE], ...], ...],
 *  "models": {MODEL: {"list": INDEX, "like": OTHER, "values": {NAME: REPLY}} | {"error": TEXT}}}</pre>
 *
 * <p>{@code machine} is the machine type the CPUs were created on. Models share their property
 * lists (x86's differ at most in order), and a model's values are stored as the differences from
 * an earlier model ({@code like}, absent for the first): {@code qemu64} and {@code qemu64-v1}
 * differ in nothing, two Skylake versions in a few flags. A reply is QEMU's whole reply object, or
 * for a list the items that differ from the other model's ({@code {"changed-items": {INDEX: ITEM}}}).
 */
public final class CpuInstanceLayout {
    /** The pack file. */
    public static final String FILE = "cpu-instances.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CHANGED_ITEMS = "changed-items";

    private CpuInstanceLayout() {}

    /**
     * One model's first CPU as captured: its {@code qom-list} reply entries ({@code [NAME, TYPE]})
     * in QEMU's order and the {@code qom-get} reply of each property that is not a child.
     *
     * @param list   the properties with their QOM types, in {@code qom-list} order
     * @param values the replies by property name
     */
    public record CapturedCpu(List<Property> list, Map<String, JsonNode> values) {
        public CapturedCpu {
            list = List.copyOf(list);
            values = Map.copyOf(values);
        }
    }

    /** A property as {@code qom-list} names it: its name and QEMU's type string. */
    public record Property(String name, String type) {}

    /**
     * The stored form of {@code models} (each {@code {"list": [[NAME, TYPE]...], "values": {...}}}
     * or {@code {"error": TEXT}}, in definition order), captured on {@code machineType}.
     */
    public static ObjectNode compact(String machineType, Map<String, ObjectNode> models) {
        ObjectNode file = NODES.objectNode().put("machine", machineType);
        ArrayNode lists = file.putArray("lists");
        ObjectNode stored = file.putObject("models");
        Map<JsonNode, Integer> listIndexes = new HashMap<>();
        Map<String, JsonNode> earlier = new LinkedHashMap<>();
        for (Map.Entry<String, ObjectNode> model : models.entrySet()) {
            ObjectNode captured = model.getValue();
            if (captured.has("error")) {
                stored.set(model.getKey(), captured);
                continue;
            }
            JsonNode list = captured.path("list");
            Integer index = listIndexes.computeIfAbsent(list, l -> {
                lists.add(l);
                return lists.size() - 1;
            });
            JsonNode values = captured.path("values");
            ObjectNode entry = stored.putObject(model.getKey()).put("list", index);
            Optional<String> like = mostAlike(values, earlier);
            like.ifPresent(l -> entry.put("like", l));
            entry.set(
                    "values", like.map(l -> differences(values, earlier.get(l))).orElse((ObjectNode) values));
            earlier.put(model.getKey(), values);
        }
        return file;
    }

    /** The earlier model from which {@code values} differ the least: whose stored differences are the shortest. */
    private static Optional<String> mostAlike(JsonNode values, Map<String, JsonNode> earlier) {
        String best = null;
        int fewest = Integer.MAX_VALUE;
        for (Map.Entry<String, JsonNode> candidate : earlier.entrySet()) {
            int count = differences(values, candidate.getValue()).toString().length();
            if (count < fewest) {
                best = candidate.getKey();
                fewest = count;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The replies of {@code values} that {@code base} lacks or has otherwise, in {@code values}'
     * order; a list that differs in some items from a list as long is stored as those items
     * ({@code {"changed-items": {INDEX: ITEM}}}): x86's {@code feature-words} and
     * {@code filtered-features} are some 40 CPUID words, of which a model changes a few.
     */
    private static ObjectNode differences(JsonNode values, JsonNode base) {
        ObjectNode differing = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            JsonNode reply = value.getValue();
            JsonNode baseReply = base.get(value.getKey());
            if (reply.equals(baseReply)) {
                continue;
            }
            JsonNode list = reply.path("return");
            JsonNode baseList = baseReply == null ? null : baseReply.path("return");
            if (list.isArray() && baseList != null && baseList.isArray() && list.size() == baseList.size()) {
                ObjectNode changed = differing.putObject(value.getKey()).putObject(CHANGED_ITEMS);
                for (int i = 0; i < list.size(); i++) {
                    if (!list.get(i).equals(baseList.get(i))) {
                        changed.set(Integer.toString(i), list.get(i));
                    }
                }
                continue;
            }
            differing.set(value.getKey(), reply);
        }
        return differing;
    }

    /**
     * Model {@code model}'s first CPU from the stored {@code file}: empty when the model was not
     * captured; a {@code CapturedCpu} or, when the board refused the model, QEMU's message.
     */
    public static Optional<Result> decode(JsonNode file, String model) {
        JsonNode entry = file.path("models").path(model);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        if (entry.has("error")) {
            return Optional.of(new Result(Optional.empty(), entry.path("error").asText()));
        }
        List<Property> list = new ArrayList<>();
        for (JsonNode property : file.path("lists").path(entry.path("list").asInt())) {
            list.add(new Property(property.path(0).asText(), property.path(1).asText()));
        }
        Map<String, JsonNode> values = new HashMap<>();
        for (Property property : list) {
            value(file, model, property.name()).ifPresent(v -> values.put(property.name(), v));
        }
        return Optional.of(new Result(Optional.of(new CapturedCpu(list, values)), ""));
    }

    /** The reply for {@code property} of {@code model}: its own, or that of the model it is like. */
    private static Optional<JsonNode> value(JsonNode file, String model, String property) {
        JsonNode entry = file.path("models").path(model);
        JsonNode reply = entry.path("values").get(property);
        Optional<JsonNode> base =
                entry.has("like") ? value(file, entry.path("like").asText(), property) : Optional.empty();
        if (reply == null) {
            return base;
        }
        if (!reply.has(CHANGED_ITEMS)) {
            return Optional.of(reply);
        }
        ObjectNode edited = base.orElseThrow(() -> new IllegalArgumentException(
                        "changed items of " + property + " of " + model + " without a list to change"))
                .deepCopy();
        ArrayNode list = (ArrayNode) edited.path("return");
        reply.path(CHANGED_ITEMS)
                .fields()
                .forEachRemaining(item -> list.set(Integer.parseInt(item.getKey()), item.getValue()));
        return Optional.of(edited);
    }

    /**
     * A decoded model: the captured CPU, or QEMU's refusal of the model on the capture's board.
     *
     * @param cpu     the captured CPU; empty when the board refused the model
     * @param refusal QEMU's message when it did (empty text otherwise)
     */
    public record Result(Optional<CapturedCpu> cpu, String refusal) {}
}
