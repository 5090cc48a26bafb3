package io.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A JSON value whose wire text is already known. A server that sends the same large value often
 * (a fixed description, say) hands over its text instead of its tree, and {@link JsonWriter}
 * copies the text rather than writing the tree again. The text is the value as a writer of
 * {@link #order()} writes it; a writer of the other order writes {@link #value()} instead.
 */
public final class EncodedJson {
    private final byte[] text;
    private final JsonWriter.KeyOrder order;
    private final Supplier<JsonNode> value;

    private EncodedJson(byte[] text, JsonWriter.KeyOrder order, Supplier<JsonNode> value) {
        this.text = text.clone();
        this.order = Objects.requireNonNull(order, "order");
        this.value = Objects.requireNonNull(value, "value");
    }

    /**
     * A node to put in a message (a command's {@code return}, say) that is written as {@code text}.
     *
     * @param text  the value's JSON text as a writer of {@code order} writes it (ASCII, one line)
     * @param order the key order the text was written in
     * @param value the value itself, for a writer of the other order
     */
    public static JsonNode node(byte[] text, JsonWriter.KeyOrder order, Supplier<JsonNode> value) {
        return new POJONode(new EncodedJson(text, order, value));
    }

    JsonWriter.KeyOrder order() {
        return order;
    }

    byte[] text() {
        return text;
    }

    JsonNode value() {
        return value.get();
    }

    @Override
    public String toString() {
        return new String(text, StandardCharsets.US_ASCII);
    }
}
