package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.transport.Endpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Threads and lanes: order, overtaking, slow commands, events to sessions. */
class ServerTest extends ServerFixture {
    @Test
    void outOfBandOvertakesQueuedInBandCommands() throws Exception {
        Endpoint endpoint = start(List.of(sleeper("slow", 300, false), sleeper("quick", 0, true)));
        try (RawConnection qmp = negotiated(endpoint, true)) {
            qmp.send("{\"execute\": \"slow\", \"id\": 1}{\"execute\": \"slow\", \"id\": 2}"
                    + "{\"exec-oob\": \"quick\", \"id\": 3}");
            assertEquals("{\"return\": \"quick\", \"id\": 3}", qmp.text());
            assertEquals("{\"return\": \"slow\", \"id\": 1}", qmp.text());
            assertEquals("{\"return\": \"slow\", \"id\": 2}", qmp.text());
        }
    }

    @Test
    void inBandRepliesKeepTheirOrder() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                burst.append(
                        i % 3 == 0
                                ? "{\"execute\": \"no-such\", \"id\": " + i + "}"
                                : "{\"execute\": \"query-name\", \"id\": " + i + "}");
            }
            qmp.send(burst.toString());
            for (int i = 0; i < 2000; i++) {
                String line = qmp.text();
                assertTrue(line.contains("\"id\": " + i + (i % 3 == 0 ? ", \"error\"" : "}")), line);
            }
        }
    }

    @Test
    void aSlowCommandHoldsUpOnlyItsOwnSession() throws Exception {
        Endpoint endpoint = start(List.of(sleeper("slow", 3000, false), sleeper("quick", 0, false)));
        try (RawConnection a = negotiated(endpoint, false);
                RawConnection b = negotiated(endpoint, false)) {
            a.send("{\"execute\": \"slow\"}");
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                b.send("{\"execute\": \"quick\"}");
                assertEquals("{\"return\": \"quick\"}", b.text());
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "other session was held up");
        }
    }

    /** A command that proved quick runs on the I/O thread; when it turns slow, another thread takes over. */
    @Test
    void aQuickCommandTurningSlowDoesNotStallOtherSessions() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        Command flaky = new Command("flaky", List.of(), true, false, true, (a, in) -> {
            if (runs.incrementAndGet() == 30) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Json.integer(runs.get());
        });
        Endpoint endpoint = start(List.of(flaky, sleeper("quick", 0, false)));
        try (RawConnection a = negotiated(endpoint, false);
                RawConnection b = negotiated(endpoint, false)) {
            for (int i = 1; i < 30; i++) {
                a.send("{\"execute\": \"flaky\"}");
                assertEquals("{\"return\": " + i + "}", a.text());
            }
            a.send("{\"execute\": \"flaky\", \"id\": 30}{\"execute\": \"flaky\", \"id\": 31}");
            Thread.sleep(100);
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                b.send("{\"execute\": \"quick\"}");
                assertEquals("{\"return\": \"quick\"}", b.text());
            }
            assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1000), "other session was held up");
            assertEquals("{\"return\": 30, \"id\": 30}", a.text());
            assertEquals("{\"return\": 31, \"id\": 31}", a.text());
        }
    }

    @Test
    void eventsGoToNegotiatedSessionsOnly() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection negotiated = negotiated(endpoint, false);
                RawConnection fresh = new RawConnection(endpoint)) {
            fresh.line();
            server.emit("DEVICE_DELETED", Json.object().put("path", "/machine/peripheral/n"));
            String event = negotiated.text();
            assertTrue(
                    event.matches("\\{\"timestamp\": \\{\"seconds\": \\d+, \"microseconds\": \\d+}, "
                            + "\"event\": \"DEVICE_DELETED\", \"data\": \\{\"path\": \"/machine/peripheral/n\"}}"),
                    event);
            assertNull(fresh.maybe(200));
        }
    }

    @Test
    void commandsWithoutSuccessReplyAndFailingHandlers() throws Exception {
        Command silent = new Command("silent", List.of(), false, false, true, (a, in) -> null);
        Command broken = new Command("broken", List.of(), true, false, true, (a, in) -> {
            throw new IllegalStateException("it broke");
        });
        Endpoint endpoint = start(List.of(silent, broken));
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"silent\", \"id\": 1}{\"execute\": \"broken\", \"id\": 2}");
            assertEquals("{\"id\": 2, \"error\": {\"class\": \"GenericError\", \"desc\": \"it broke\"}}", qmp.text());
        }
    }

    @Test
    void preconfigRefusesCommandsNotAllowedThere() throws Exception {
        Command machine = new Command("query-pci", List.of(), true, false, false, (a, in) -> Json.array());
        Endpoint endpoint = start(
                List.of(machine), ServerOptions.builder().preconfig(() -> true).build());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"query-pci\"}");
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"The command 'query-pci' is permitted "
                            + "only after machine initialization has completed\"}}",
                    qmp.text());
        }
    }

    @Test
    void handlerErrorsKeepTheirClass() {
        QmpError error = new QmpError(QmpError.DEVICE_NOT_FOUND, "Device 'x' not found");
        assertEquals("DeviceNotFound", error.errorClass());
    }
}
