package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * QEMU's event rate limiting: of a burst of a throttled event, the first goes out at once and
 * the last when the interval ends, with the timestamp it was emitted with; events keyed per
 * instance are limited per instance; other events are never held.
 */
class EventThrottleTest extends ServerFixture {
    private static final int BURST = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events that arrive until none has come for {@code quietMillis}. */
    private static List<JsonNode> drain(RawConnection qmp, long quietMillis) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String line; (line = qmp.maybe(quietMillis)) != null; ) {
            events.add(JSON.readTree(line));
        }
        return events;
    }

    private static double seconds(JsonNode event) {
        JsonNode t = event.path("timestamp");
        return t.path("seconds").asLong() + t.path("microseconds").asLong() / 1e6;
    }

    @Test
    void aBurstDeliversItsFirstEventAtOnceAndItsLastWhenTheIntervalEnds() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            for (int i = 0; i < BURST; i++) {
                server.emit(
                        "RTC_CHANGE", Json.object().put("offset", i).put("qom-path", "/machine/unattached/device[7]"));
            }
            JsonNode first = JSON.readTree(qmp.line());
            assertEquals(0, first.path("data").path("offset").asInt(), first.toString());
            List<JsonNode> later = drain(qmp, 2500); // QEMU's interval for RTC_CHANGE is a second
            assertEquals(1, later.size(), later.toString());
            JsonNode last = later.get(0);
            assertEquals(BURST - 1, last.path("data").path("offset").asInt(), "the latest value is delivered");
            assertTrue(seconds(last) - seconds(first) < 0.5, "the held event keeps its own timestamp: " + last);
            System.out.println("throttle: a burst of " + BURST + " RTC_CHANGE delivered " + (1 + later.size()));
        }
    }

    @Test
    void instancesAreThrottledApart() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            for (int i = 0; i < BURST; i++) {
                for (String port : List.of("serial0", "serial1")) {
                    server.emit("VSERPORT_CHANGE", Json.object().put("id", port).put("open", i % 2 == 0));
                }
                server.emit(
                        "MEMORY_DEVICE_SIZE_CHANGE",
                        Json.object()
                                .put("id", "vm0")
                                .put("size", i)
                                .put("qom-path", "/machine/peripheral/vm" + (i % 2)));
            }
            List<JsonNode> events = drain(qmp, 2500);
            Set<String> got = events.stream().map(EventThrottleTest::summary).collect(Collectors.toSet());
            assertEquals(
                    Set.of(
                            "VSERPORT_CHANGE serial0 open=true",
                            "VSERPORT_CHANGE serial1 open=true",
                            "VSERPORT_CHANGE serial0 open=false",
                            "VSERPORT_CHANGE serial1 open=false",
                            "MEMORY_DEVICE_SIZE_CHANGE /machine/peripheral/vm0 size=0",
                            "MEMORY_DEVICE_SIZE_CHANGE /machine/peripheral/vm1 size=1",
                            "MEMORY_DEVICE_SIZE_CHANGE /machine/peripheral/vm0 size=48",
                            "MEMORY_DEVICE_SIZE_CHANGE /machine/peripheral/vm1 size=49"),
                    got);
            assertEquals(8, events.size(), events.toString());
            System.out.println(
                    "throttle: " + 3 * BURST + " events over 2 ports and 2 memory devices delivered " + events.size());
        }
    }

    private static String summary(JsonNode event) {
        JsonNode data = event.path("data");
        return event.path("event").asText().equals("VSERPORT_CHANGE")
                ? "VSERPORT_CHANGE " + data.path("id").asText() + " open="
                        + data.path("open").asBoolean()
                : event.path("event").asText() + " " + data.path("qom-path").asText() + " size=" + data.path("size");
    }

    @Test
    void unthrottledEventsAndATableWithoutRulesSendEverything() throws Exception {
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder()
                        .eventThrottle(EventThrottle.QEMU.without("WATCHDOG"))
                        .build());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            for (int i = 0; i < BURST; i++) {
                server.emit("STOP", null);
                server.emit("WATCHDOG", Json.object().put("action", "reset"));
            }
            List<JsonNode> events = drain(qmp, 1500);
            assertEquals(2 * BURST, events.size());
        }
    }

    @Test
    void aRuleOfOurOwn() throws Exception {
        EventThrottle throttle = EventThrottle.NONE.with("TICK", EventThrottle.Rule.every(Duration.ofMillis(200)));
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder().eventThrottle(throttle).build());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            for (int i = 0; i < BURST; i++) {
                server.emit("TICK", Json.object().put("n", i));
                server.emit("RTC_CHANGE", Json.object().put("offset", i));
            }
            List<JsonNode> events = drain(qmp, 1500);
            assertEquals(BURST + 2, events.size(), "all RTC_CHANGE, and the first and last TICK");
            List<JsonNode> ticks = events.stream()
                    .filter(e -> e.path("event").asText().equals("TICK"))
                    .toList();
            assertEquals(0, ticks.get(0).path("data").path("n").asInt());
            assertEquals(BURST - 1, ticks.get(1).path("data").path("n").asInt());
            assertNull(qmp.maybe(300));
        }
    }
}
