package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A kind of event: its wire name and how its data decodes into the generated record.
 *
 * @param <E> the event's record
 */
public record EventType<E>(String name, Class<E> type, Decoder<E> decoder, List<String> features) {

    public EventType {
        features = List.copyOf(features);
    }

    /** Decodes an event's data (absent data reads as an empty object). */
    public E decode(JsonNode data, Input input) {
        return decoder.decode(input, data == null ? io.qapi.runtime.api.Json.object() : data, "");
    }
}
