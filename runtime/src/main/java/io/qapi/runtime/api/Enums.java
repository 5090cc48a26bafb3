package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Support for generated enums. */
public final class Enums {
    private Enums() {}

    /** Wire name to constant, leaving out the constant for unknown values. */
    public static <E extends QapiEnum> Map<String, E> wireNames(E[] values) {
        Map<String, E> out = new HashMap<>();
        for (E value : values) {
            if (value.wireName() != null) {
                out.put(value.wireName(), value);
            }
        }
        return Map.copyOf(out);
    }

    /** A decoder that maps unknown values to {@code unknown} when lenient, and marks them lossy. */
    public static <E extends QapiEnum> Decoder<E> decoder(Function<String, E> byWireName, E unknown) {
        return new Decoder<>() {
            @Override
            public E decode(Input in, JsonNode json, String path) {
                return in.enumValue(json, path, byWireName, unknown);
            }

            @Override
            public boolean lossy(E value) {
                return value == unknown;
            }
        };
    }
}
