package io.qapi.runtime.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import java.time.Instant;

/**
 * When an event happened, as QMP states it: whole seconds and microseconds since the epoch.
 *
 * @param seconds      seconds since 1970-01-01T00:00:00Z
 * @param microseconds 0 to 999,999
 */
public record Timestamp(long seconds, long microseconds) {

    public static Timestamp now() {
        return of(Instant.now());
    }

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.getEpochSecond(), instant.getNano() / 1000);
    }

    /** Reads {@code {"seconds": …, "microseconds": …}}; missing members read as 0. */
    public static Timestamp fromJson(JsonNode json) {
        if (json == null) {
            return new Timestamp(0, 0);
        }
        return new Timestamp(
                json.path("seconds").asLong(), json.path("microseconds").asLong());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, microseconds * 1000);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("seconds", seconds);
        json.put("microseconds", microseconds);
        return json;
    }
}
