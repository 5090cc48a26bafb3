package io.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;

/** How generated alternates pick a branch for a keyval value, which is always a string. */
public final class Alternates {
    private Alternates() {
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
