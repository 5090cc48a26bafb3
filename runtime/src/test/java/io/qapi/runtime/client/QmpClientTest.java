package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.api.Calls;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Decoders;
import io.qapi.runtime.api.EventType;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.ObjectReader;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.introspect.SchemaCheckTest;
import io.qapi.runtime.introspect.SchemaDiff;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.server.ServerOptions;
import io.qapi.runtime.server.TinyQemu;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against our server, over a unix socket. */
class QmpClientTest {
    /** A typed event, as generated code would define it. */
    record Deleted(String path) {}

    static final EventType<Deleted> DELETED = new EventType<>(
            "DEVICE_DELETED",
            Deleted.class,
            (in, json, path) -> {
                ObjectReader r = in.object(json, path);
                String p = r.required("path", Decoders.STR);
                r.finish();
                return new Deleted(p);
            },
            List.of());

    @TempDir
    Path dir;

    QmpServer server;
    final TinyQemu qemu = new TinyQemu();

    static List<Command> extra() {
        List<Command> commands = new ArrayList<>();
        commands.add(new Command("echo", List.of(), true, true, true, (arguments, in) -> arguments));
        commands.add(new Command("sleep", List.of(), true, false, true, (arguments, in) -> {
            try {
                Thread.sleep(arguments.path("ms").asLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Json.object();
        }));
        return commands;
    }

    Endpoint start(ServerOptions options) throws IOException {
        List<Command> commands = new ArrayList<>(qemu.commands());
        commands.addAll(extra());
        server = new QmpServer(commands, options);
        qemu.events(server);
        return server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void negotiatesOutOfBandWhenOffered() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp = QmpClient.connect(endpoint)) {
            assertTrue(qmp.oobEnabled());
            assertEquals("7.2.22", qmp.greeting().qemuVersion());
            assertEquals(
                    "[{\"type\":\"chardev\",\"id\":\"compat_monitor0\"}]",
                    qmp.executeOob("query-yank", null).get(5, TimeUnit.SECONDS).toString());
        }
        try (QmpClient qmp =
                QmpClient.connect(endpoint, ClientOptions.defaults().withOob(false))) {
            assertFalse(qmp.oobEnabled());
            assertInstanceOf(IllegalStateException.class, failure(qmp.executeOob("query-yank", null)));
        }
    }

    @Test
    void serverWithoutOob() throws Exception {
        Endpoint endpoint = start(ServerOptions.builder().offerOob(false).build());
        try (QmpClient qmp = QmpClient.connect(endpoint)) {
            assertFalse(qmp.oobEnabled());
            assertEquals(List.of(), qmp.greeting().capabilities());
        }
    }

    @Test
    void manyCallsInFlightFromManyThreads() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp = QmpClient.connect(endpoint)) {
            List<Thread> threads = new ArrayList<>();
            List<Throwable> errors = new CopyOnWriteArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        calls.add(qmp.execute(
                                "echo", Json.object().put("t", thread).put("i", i)));
                    }
                    for (int i = 0; i < calls.size(); i++) {
                        JsonNode reply = calls.get(i).join();
                        if (reply.path("t").asInt() != thread || reply.path("i").asInt() != i) {
                            errors.add(new AssertionError("misrouted: " + reply));
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void errorsCarryClassAndDesc() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp = QmpClient.connect(endpoint)) {
            QmpError error = (QmpError) failure(
                    qmp.execute("qom-get", Json.object().put("path", "/nope").put("property", "type")));
            assertEquals("DeviceNotFound", error.errorClass());
            assertEquals("Device '/nope' not found", error.desc());
            QmpError again = assertThrows(QmpError.class, () -> Calls.await(qmp.execute("no-such", null)));
            assertEquals("CommandNotFound", again.errorClass());
        }
    }

    @Test
    void timeoutAndCancellationLeaveTheConnectionUsable() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp = QmpClient.connect(endpoint)) {
            Throwable timeout = failure(qmp.execute("sleep", Json.object().put("ms", 500), Duration.ofMillis(50)));
            assertInstanceOf(QmpTimeoutException.class, timeout);
            assertTrue(timeout.getMessage().startsWith("sleep: no reply from unix:"), timeout.getMessage());
            CompletableFuture<JsonNode> cancelled =
                    qmp.execute("sleep", Json.object().put("ms", 300));
            assertTrue(cancelled.cancel(true));
            assertThrows(CancellationException.class, cancelled::join);
            assertEquals(
                    "{}",
                    qmp.execute("query-name", null).get(5, TimeUnit.SECONDS).toString());
        }
    }

    @Test
    void whenTheConnectionDiesEveryWaitingCallFailsAtOnce() throws Exception {
        Endpoint endpoint = start(
                ServerOptions.builder().shutdownTimeout(Duration.ofMillis(100)).build());
        QmpClient qmp = QmpClient.connect(endpoint);
        List<CompletableFuture<JsonNode>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(qmp.execute("sleep", Json.object().put("ms", 5000)));
        }
        EventSubscription<QmpEvent> events = qmp.subscribe(e -> true);
        Thread.sleep(100);
        long start = System.nanoTime();
        server.close();
        for (CompletableFuture<JsonNode> call : waiting) {
            Throwable error = failure(call);
            assertInstanceOf(QmpConnectionException.class, error);
            assertTrue(error.getMessage().contains("ended"), error.getMessage());
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        assertInstanceOf(QmpConnectionException.class, failure(qmp.execute("query-name", null)));
        assertThrows(QmpConnectionException.class, () -> events.next(Duration.ofSeconds(1)));
        assertFalse(qmp.isOpen());
        qmp.closed().get(1, TimeUnit.SECONDS);
    }

    @Test
    void typedEventsWithFiltersAndAwait() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp = QmpClient.connect(endpoint);
                EventSubscription<Deleted> nics =
                        qmp.subscribe(DELETED, d -> d.path().contains("nic"));
                EventSubscription<QmpEvent> stops = qmp.subscribe(e -> e.name().equals("STOP"))) {
            server.emit("DEVICE_DELETED", Json.object().put("path", "/machine/peripheral/disk0"));
            server.emit("DEVICE_DELETED", Json.object().put("path", "/machine/peripheral/nic0"));
            qmp.execute("stop", null).get(5, TimeUnit.SECONDS);
            assertEquals(new Deleted("/machine/peripheral/nic0"), nics.next(Duration.ofSeconds(5)));
            QmpEvent stop = stops.next(Duration.ofSeconds(5));
            assertEquals("STOP", stop.name());
            assertTrue(stop.timestamp().seconds() > 1_600_000_000L);
            assertThrows(TimeoutException.class, () -> qmp.await(DELETED, Duration.ofMillis(50)));
            CompletableFuture<Deleted> awaited = CompletableFuture.supplyAsync(() -> {
                try {
                    return qmp.await(DELETED, Duration.ofSeconds(5));
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!awaited.isDone()) {
                server.emit("DEVICE_DELETED", Json.object().put("path", "/x"));
                Thread.sleep(20);
            }
            assertEquals(new Deleted("/x"), awaited.get());
        }
    }

    @Test
    void overflowIsReportedWhereEventsWereDropped() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        try (QmpClient qmp =
                        QmpClient.connect(endpoint, ClientOptions.defaults().withEventBuffer(4));
                EventSubscription<Deleted> events = qmp.subscribe(DELETED)) {
            for (int i = 0; i < 10; i++) {
                server.emit("DEVICE_DELETED", Json.object().put("path", "/d" + i));
            }
            qmp.execute("query-name", null).get(5, TimeUnit.SECONDS); // all events are read by now
            for (int i = 0; i < 4; i++) {
                assertEquals(new Deleted("/d" + i), events.next(Duration.ofSeconds(1)));
            }
            assertEquals(
                    6,
                    assertThrows(EventOverflowException.class, () -> events.next(Duration.ofSeconds(1)))
                            .dropped());
            server.emit("DEVICE_DELETED", Json.object().put("path", "/after"));
            assertEquals(new Deleted("/after"), events.next(Duration.ofSeconds(5)));
        }
    }

    @Test
    void listenersArePushedEventsAndTheEnd() throws Exception {
        Endpoint endpoint = start(ServerOptions.defaults());
        QmpClient qmp = QmpClient.connect(endpoint);
        List<String> seen = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        qmp.listen(DELETED, d -> true, new EventListener<Deleted>() {
            @Override
            public void onEvent(Deleted event) {
                seen.add(event.path());
            }

            @Override
            public void onEnd(Throwable cause) {
                ended.countDown();
            }
        });
        server.emit("DEVICE_DELETED", Json.object().put("path", "/a"));
        server.emit("DEVICE_DELETED", Json.object().put("bogus", 1)); // fails to decode: reported, not delivered
        server.emit("DEVICE_DELETED", Json.object().put("path", "/b"));
        qmp.execute("query-name", null).get(5, TimeUnit.SECONDS);
        qmp.close();
        assertTrue(ended.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("/a", "/b"), seen);
    }

    @Test
    void schemaCheckAtConnect() throws Exception {
        JsonNode serverSchema = SchemaCheckTest.schema("""
                [{"name": "query-name", "meta-type": "command", "arg-type": "0", "ret-type": "0"},
                 {"name": "0", "meta-type": "object", "members": []}]""");
        JsonNode clientSchema = SchemaCheckTest.schema("""
                [{"name": "query-name", "meta-type": "command", "arg-type": "0", "ret-type": "0"},
                 {"name": "query-uuid", "meta-type": "command", "arg-type": "0", "ret-type": "0"},
                 {"name": "0", "meta-type": "object", "members": []}]""");
        List<Command> commands =
                List.of(new Command("query-qmp-schema", List.of(), true, false, true, (arguments, in) -> serverSchema));
        server = new QmpServer(commands);
        Endpoint endpoint = server.listen(Endpoint.unix(dir.resolve("s.sock")));
        try (QmpClient qmp =
                QmpClient.connect(endpoint, ClientOptions.defaults().withSchemaCheck(clientSchema))) {
            SchemaDiff diff = qmp.schemaDiff().orElseThrow();
            assertEquals("missing on the server: command query-uuid", diff.toString());
        }
    }

    static Throwable failure(CompletableFuture<?> call) throws InterruptedException, TimeoutException {
        try {
            call.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("call succeeded: " + call);
    }
}
