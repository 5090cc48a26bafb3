package io.qapi.runtime.server;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which events a server rate limits, as QEMU's monitor does for events a guest can trigger at
 * will. A throttled event is sent at once when none of its kind was sent within the interval;
 * one that comes sooner waits, replacing any that waits already, and is sent when the interval
 * ends, which starts the next interval. So a burst delivers its first event at once and its
 * last at the end of the interval, and nothing in between.
 * <p>
 * Some events are throttled per instance: their kind is the event's name together with one
 * member of its data ({@code VSERPORT_CHANGE} per {@code id}), so that a burst on one port does
 * not swallow the news of another.
 *
 * @param rules the throttled events by name
 */
public record EventThrottle(Map<String, Rule> rules) {

    /** Nothing is throttled: every event is sent at once. */
    public static final EventThrottle NONE = new EventThrottle(Map.of());

    /** QEMU 7.2's table: one event a second of each of these (per instance where QEMU keys them). */
    public static final EventThrottle QEMU = NONE.with("RTC_CHANGE", Rule.every(Duration.ofSeconds(1)))
            .with("WATCHDOG", Rule.every(Duration.ofSeconds(1)))
            .with("BALLOON_CHANGE", Rule.every(Duration.ofSeconds(1)))
            .with("QUORUM_REPORT_BAD", Rule.perInstance(Duration.ofSeconds(1), "node-name"))
            .with("QUORUM_FAILURE", Rule.every(Duration.ofSeconds(1)))
            .with("VSERPORT_CHANGE", Rule.perInstance(Duration.ofSeconds(1), "id"))
            .with("MEMORY_DEVICE_SIZE_CHANGE", Rule.perInstance(Duration.ofSeconds(1), "qom-path"));

    /**
     * How one event is throttled.
     *
     * @param interval    the least time between two events of one kind
     * @param instanceKey the data member whose value tells instances apart, or null when all
     *                    events of the name are one kind
     */
    public record Rule(Duration interval, String instanceKey) {
        public Rule {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("a throttle interval must be positive: " + interval);
            }
        }

        /** At most one event of the name per {@code interval}. */
        public static Rule every(Duration interval) {
            return new Rule(interval, null);
        }

        /** At most one event per {@code interval} for each value of the data member {@code key}. */
        public static Rule perInstance(Duration interval, String key) {
            return new Rule(interval, Objects.requireNonNull(key, "key"));
        }
    }

    public EventThrottle {
        rules = Map.copyOf(rules);
    }

    /** This table with {@code event} throttled by {@code rule} (replacing its rule, if any). */
    public EventThrottle with(String event, Rule rule) {
        Map<String, Rule> changed = new HashMap<>(rules);
        changed.put(Objects.requireNonNull(event, "event"), Objects.requireNonNull(rule, "rule"));
        return new EventThrottle(changed);
    }

    /** This table with {@code event} sent at once, always. */
    public EventThrottle without(String event) {
        Map<String, Rule> changed = new HashMap<>(rules);
        changed.remove(event);
        return new EventThrottle(changed);
    }

    /** The rule for {@code event}, or null when it is not throttled. */
    public Rule rule(String event) {
        return rules.get(event);
    }
}
