package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.api.Calls;
import io.qapi.runtime.api.QmpCaller;
import io.qapi.runtime.protocol.Timestamp;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Typed calls (as generated clients make them) under timeouts, and typed events with their timestamps. */
class TypedCallsTest {
    /** A module client as the generator writes one: a functional interface over {@link QmpCaller}. */
    @FunctionalInterface
    interface RunStateClient extends QmpCaller {
        static RunStateClient over(QmpCaller caller) {
            return caller::call;
        }

        default CompletableFuture<Void> stopAsync() {
            return call("stop", null).thenAccept(r -> {});
        }

        default void stop() {
            Calls.await(stopAsync());
        }
    }

    @TempDir
    Path dir;

    @Test
    void callsHaveATimeoutUnlessOneAsksForNone() {
        assertEquals(Duration.ofSeconds(60), ClientOptions.defaults().callTimeout());
        assertNull(ClientOptions.defaults().withoutCallTimeout().callTimeout());
        assertThrows(NullPointerException.class, () -> ClientOptions.defaults().withCallTimeout(null));
        assertThrows(
                IllegalArgumentException.class, () -> ClientOptions.defaults().withCallTimeout(Duration.ZERO));
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void connectingTakesTheConnectTimeoutNotTheCallTimeout() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("peer.sock"));
        ClientOptions options = ClientOptions.defaults().withCallTimeout(Duration.ofNanos(1));
        try (PeerDouble peer = PeerDouble.listen(endpoint, false);
                QmpClient qmp = QmpClient.connect(endpoint, options)) {
            assertTrue(qmp.isOpen());
        }
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void typedCallsTakeTheDefaultTimeout() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("stalled.sock"));
        ClientOptions options = ClientOptions.defaults().withCallTimeout(Duration.ofMillis(300));
        try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                QmpClient qmp = QmpClient.connect(endpoint, options)) {
            long start = System.nanoTime();
            QmpTimeoutException error = assertThrows(
                    QmpTimeoutException.class, () -> RunStateClient.over(qmp).stop());
            assertTrue(error.getMessage().startsWith("stop: "), error.getMessage());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
        }
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void aTypedClientOverATimeoutViewTakesThatTimeout() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("stalled.sock"));
        try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                QmpClient qmp = QmpClient.connect(endpoint)) {
            RunStateClient quick = RunStateClient.over(qmp.withTimeout(Duration.ofMillis(200)));
            long start = System.nanoTime();
            assertThrows(QmpTimeoutException.class, quick::stop);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took >= 200 && took < 5_000, took + " ms");
            // The connection's own default (60 s) is untouched: this call is still waiting.
            CompletableFuture<Void> patient = RunStateClient.over(qmp).stopAsync();
            Thread.sleep(300);
            assertTrue(!patient.isDone());
        }
    }

    // the listener subscription is open for its callback; the body does not name it
    @SuppressWarnings("try")
    @Test
    void typedEventsCarryTheServersTimestamp() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("events.sock"));
        try (PeerDouble peer = PeerDouble.listen(endpoint, false);
                QmpClient qmp = QmpClient.connect(endpoint)) {
            List<TimedEvent<QmpClientTest.Deleted>> pushed = new CopyOnWriteArrayList<>();
            CountDownLatch two = new CountDownLatch(2);
            try (EventSubscription<TimedEvent<QmpClientTest.Deleted>> pulled = qmp.subscribeTimed(
                            QmpClientTest.DELETED, d -> d.path().startsWith("/machine"));
                    EventSubscription<?> listener = qmp.listenTimed(QmpClientTest.DELETED, d -> true, event -> {
                        pushed.add(event);
                        two.countDown();
                    })) {
                peer.send("{\"timestamp\": {\"seconds\": 1700000000, \"microseconds\": 123456}, "
                        + "\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": \"/machine/peripheral/nic0\"}}");
                peer.send("{\"timestamp\": {\"seconds\": 1700000001, \"microseconds\": 5}, "
                        + "\"event\": \"DEVICE_DELETED\", \"data\": {\"path\": \"/elsewhere\"}}");
                TimedEvent<QmpClientTest.Deleted> nic = pulled.next(Duration.ofSeconds(5));
                assertEquals(new QmpClientTest.Deleted("/machine/peripheral/nic0"), nic.event());
                assertEquals(new Timestamp(1700000000, 123456), nic.timestamp());
                assertEquals(Instant.parse("2023-11-14T22:13:20.123456Z"), nic.instant());
                assertTrue(two.await(5, TimeUnit.SECONDS));
                assertEquals(new Timestamp(1700000001, 5), pushed.get(1).timestamp());
                assertEquals("/elsewhere", pushed.get(1).event().path());
                assertInstanceOf(TimedEvent.class, pushed.get(0));
            }
        }
    }
}
