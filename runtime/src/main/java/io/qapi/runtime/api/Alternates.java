package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/** How generated alternates pick a branch for a keyval value, which is always a string. */
public final class Alternates {
    private Alternates() {}

    /**
     * A decoder for an alternate that tells when a value lost something (an enum value this
     * code does not know), so the enclosing object keeps the original.
     */
    public static <T> Decoder<T> decoder(Decoder<T> read, Predicate<T> lossy) {
        return new Decoder<>() {
            @Override
            public T decode(Input in, JsonNode json, String path) {
                return read.decode(in, json, path);
            }

            @Override
            public boolean lossy(T value) {
                return lossy.test(value);
            }
        };
    }

    public static boolean looksBoolean(JsonNode json) {
        return switch (json.asText()) {
            case "on", "off", "yes", "no", "true", "false", "y", "n" -> true;
            default -> false;
        };
    }

    public static boolean looksNumber(JsonNode json) {
        String text = json.asText();
        if (text.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return text.startsWith("0x") || text.startsWith("0X");
        }
    }
}
