package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Applies an {@link EventThrottle} to the events of one server. Each kind of throttled event
 * that was sent within its interval has a state here: the event that waits (if any) and a timer
 * for the interval's end. When the timer finds an event waiting it sends it and starts another
 * interval; when it finds none, the kind is forgotten, and its next event goes out at once.
 * A waiting event keeps the timestamp it was emitted with, as QEMU's does.
 */
final class EventLimiter {
    private final EventThrottle throttle;
    private final ScheduledExecutorService timer;
    private final Consumer<byte[]> send;
    /** Kinds within their interval; guarded by {@code this}, as is sending, so that order holds. */
    private final Map<Kind, Waiting> recent = new HashMap<>();

    private record Kind(String event, String instance) {}

    /** The event waiting for the interval's end, if any. */
    private static final class Waiting {
        byte[] line;
    }

    EventLimiter(EventThrottle throttle, ScheduledExecutorService timer, Consumer<byte[]> send) {
        this.throttle = throttle;
        this.timer = timer;
        this.send = send;
    }

    /** Sends {@code line}, the event {@code name} with {@code data}, now or when its interval ends. */
    void offer(String name, JsonNode data, byte[] line) {
        EventThrottle.Rule rule = throttle.rule(name);
        if (rule == null) {
            send.accept(line);
            return;
        }
        Kind kind = new Kind(name, instance(rule, data));
        synchronized (this) {
            Waiting waiting = recent.get(kind);
            if (waiting != null) {
                waiting.line = line; // replaces what waited: only the latest news is worth sending
                return;
            }
            send.accept(line);
            recent.put(kind, new Waiting());
        }
        schedule(kind, rule);
    }

    private static String instance(EventThrottle.Rule rule, JsonNode data) {
        if (rule.instanceKey() == null || data == null) {
            return null;
        }
        JsonNode value = data.get(rule.instanceKey());
        return value == null ? null : value.asText();
    }

    // Nothing cancels an interval or waits for its end, so its future is not kept; closing the
    // server shuts the timer down.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void schedule(Kind kind, EventThrottle.Rule rule) {
        try {
            timer.schedule(() -> intervalEnded(kind, rule), rule.interval().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            // the server is closing: what waits is not sent
        }
    }

    private void intervalEnded(Kind kind, EventThrottle.Rule rule) {
        synchronized (this) {
            Waiting waiting = recent.get(kind);
            if (waiting.line == null) {
                recent.remove(kind);
                return;
            }
            send.accept(waiting.line);
            waiting.line = null;
        }
        schedule(kind, rule);
    }
}
