package io.qapi.compiler.check;

import io.qapi.compiler.parse.JsonValue;
import io.qapi.compiler.parse.JsonValue.JsonArray;
import io.qapi.compiler.parse.JsonValue.JsonBool;
import io.qapi.compiler.parse.JsonValue.JsonObject;
import io.qapi.compiler.parse.JsonValue.JsonString;

/**
 * Python's truth value of a schema value. QEMU tests some keys for truth rather than for a
 * type ({@code 'boxed': 'yes'} counts as boxed until the flag check rejects it), and the
 * order of its messages depends on that.
 */
final class Truth {
    private Truth() {}

    static boolean of(JsonValue value) {
        if (value == null) {
            return false;
        }
        if (value instanceof JsonBool b) {
            return b.value();
        }
        if (value instanceof JsonString s) {
            return !s.value().isEmpty();
        }
        if (value instanceof JsonArray a) {
            return !a.elements().isEmpty();
        }
        return ((JsonObject) value).size() > 0;
    }
}
