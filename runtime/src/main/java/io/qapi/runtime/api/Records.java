package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Support for the compact constructors of generated records. */
public final class Records {
    private Records() {}

    /** An absent optional member may be given as {@code null}. */
    public static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    public static Map<String, JsonNode> kept(Map<String, JsonNode> members) {
        if (members == null || members.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** Each element of a list of a ranged integer type. */
    public static void checkRanges(String member, List<? extends Number> values, long min, long max) {
        for (Number value : values) {
            checkRange(member, value.longValue(), min, max);
        }
    }

    public static void checkRange(String member, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "member '" + member + "' must be between " + min + " and " + max + ", not " + value);
        }
    }
}
