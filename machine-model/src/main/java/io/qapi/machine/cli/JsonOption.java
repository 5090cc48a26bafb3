package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form QEMU 7.2 takes for {@code -device}, {@code -netdev} and {@code -audiodev}
 * (libvirt writes them so), read into the same items as the {@code key=value} form: a number
 * as its decimal text, a boolean as {@code on} or {@code off}, a string as is. Nested values
 * are kept as their JSON text (the options that take them check them further).
 */
final class JsonOption {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonOption() {}

    /**
     * The members of {@code argument}, a JSON object, in order.
     *
     * @throws IllegalArgumentException when it is not a JSON object
     */
    static Map<String, String> items(String argument) {
        JsonNode tree;
        try {
            tree = JSON.readTree(argument);
        } catch (IOException e) {
            throw new IllegalArgumentException("JSON parse error", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("JSON parse error");
        }
        Map<String, String> items = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            String text = value.isBoolean()
                    ? (value.booleanValue() ? "on" : "off")
                    : value.isValueNode() ? value.asText() : value.toString();
            items.put(member.getKey(), text);
        }
        return items;
    }
}
