package io.qapi.compiler.parse;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A value of QEMU's JSON dialect exactly as written, with the 1-based line and column where it
 * starts. Objects keep their members in source order, which is significant in QAPI.
 */
public sealed interface JsonValue {
    int line();

    int column();

    record JsonObject(Map<String, JsonValue> members, int line, int column) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(members);
        }

        public JsonValue get(String key) {
            return members.get(key);
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        public int size() {
            return members.size();
        }
    }

    record JsonArray(List<JsonValue> elements, int line, int column) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value, int line, int column) implements JsonValue {}

    record JsonBool(boolean value, int line, int column) implements JsonValue {}
}
