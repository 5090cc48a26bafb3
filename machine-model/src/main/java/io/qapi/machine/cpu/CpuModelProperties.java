package io.qapi.machine.cpu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * QEMU 7.2's {@code full} expansion of a CPU model with properties: the model's full expansion
 * with each given property set, checked first against the properties the model has. A feature
 * goes by several names that differ only in '_', '-' and '.' ({@code sse4.2}, {@code sse4_2},
 * {@code sse4-2}); setting one sets them all, as QEMU's aliases do.
 */
public final class CpuModelProperties {
    private CpuModelProperties() {}

    /**
     * The expansion's properties with {@code given} applied.
     *
     * @param typename the model's QOM type, for QEMU's "not found" text
     * @param expanded the model's captured full expansion ({@code props}), not changed
     * @throws IllegalArgumentException with QEMU's text, for an unknown property or a value of
     *     the wrong type
     */
    public static ObjectNode apply(String typename, JsonNode expanded, JsonNode given) {
        ObjectNode props = expanded.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode current = expanded.get(name);
            if (current == null) {
                throw new IllegalArgumentException("Property '" + typename + "." + name + "' not found");
            }
            check(name, current, property.getValue());
            for (String alias : aliases(expanded, name)) {
                props.set(alias, property.getValue());
            }
        }
        return props;
    }

    /** QEMU's complaint when {@code value} cannot set a property now holding {@code current}. */
    private static void check(String name, JsonNode current, JsonNode value) {
        if (current.isBoolean() && !value.isBoolean()) {
            throw new IllegalArgumentException("Invalid parameter type for '" + name + "', expected: boolean");
        }
        if (current.isTextual() && !value.isTextual()) {
            throw new IllegalArgumentException("Invalid parameter type for '" + name + "', expected: string");
        }
        if (current.isIntegralNumber() && !value.isIntegralNumber()) {
            // the model's properties hold no sign of their own; a negative one is a signed type
            throw new IllegalArgumentException(
                    "Parameter '" + name + "' expects " + (current.asLong() < 0 ? "int64" : "uint64"));
        }
    }

    private static List<String> aliases(JsonNode expanded, String name) {
        List<String> names = new ArrayList<>();
        String key = normal(name);
        expanded.fieldNames().forEachRemaining(n -> {
            if (normal(n).equals(key)) {
                names.add(n);
            }
        });
        return names;
    }

    private static String normal(String name) {
        return name.replace('_', '-').replace('.', '-');
    }
}
