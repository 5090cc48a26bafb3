package io.qapi.runtime.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.json.Decoder;
import io.qapi.runtime.json.Input;
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
        return decoder.decode(input, data == null ? io.qapi.runtime.json.Json.object() : data, "");
    }
}
