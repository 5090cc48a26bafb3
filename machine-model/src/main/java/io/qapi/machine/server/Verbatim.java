package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.json.EncodedJson;
import io.qapi.runtime.json.JsonWriter;
import java.nio.charset.StandardCharsets;

/**
 * A recorded value sent with its members in the order QEMU sent them. The server's writer puts
 * members in the order QEMU's hash table would list them after inserting them in the tree's
 * order; a recorded tree is already in listing order, so writing it that way again could swap
 * members that share a bucket. Recorded values are therefore sent as text written in their own
 * order.
 */
final class Verbatim {
    private Verbatim() {}

    /** {@code value}, to be written exactly in its own member order. */
    static JsonNode of(JsonNode value) {
        byte[] text = JsonWriter.INSERTION.text(value).getBytes(StandardCharsets.US_ASCII);
        return EncodedJson.node(text, JsonWriter.KeyOrder.QEMU, () -> value);
    }
}
