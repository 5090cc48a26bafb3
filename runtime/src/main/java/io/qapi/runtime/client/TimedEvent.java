package io.qapi.runtime.client;

import io.qapi.runtime.protocol.Timestamp;
import java.time.Instant;
import java.util.Objects;

/**
 * A typed event with the time the server stamped on it: QMP's {@code timestamp}, seconds and
 * microseconds since the epoch, taken by QEMU when the event happened (not when it was read).
 * Comes from {@link QmpClient#subscribeTimed} and {@link QmpClient#listenTimed}.
 *
 * @param event     the generated event record
 * @param timestamp when it happened
 * @param <E>       the event's record
 */
public record TimedEvent<E>(E event, Timestamp timestamp) {

    public TimedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The timestamp as an instant (microsecond precision). */
    public Instant instant() {
        return timestamp.toInstant();
    }
}
