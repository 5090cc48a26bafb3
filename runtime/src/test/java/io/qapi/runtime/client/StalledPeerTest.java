package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A peer that stops reading, as a busy QEMU does (it reads its monitor input a byte per
 * main-loop turn): no caller blocks, each call fails within its own timeout, and the connection
 * goes on once the peer reads again.
 */
class StalledPeerTest {
    /** A call's timeout may fire this much late on a loaded machine, and no more. */
    static final long TIMER_SLACK_MS = 100;
    /** Returning "at once": far below the timeout, generous for a loaded machine. */
    static final long RETURNS_AT_ONCE_MS = 250;
    /** The large call also encodes 2 MiB of JSON on the calling thread, slow on a busy machine. */
    static final long LARGE_RETURNS_MS = 500;

    @TempDir
    Path dir;
    /** Callers run here, so that a caller that blocks fails the test instead of hanging it. */
    final ExecutorService callers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    record Sent(CompletableFuture<JsonNode> call, long startNanos, long returnedNanos) {
        long returnMillis() {
            return TimeUnit.NANOSECONDS.toMillis(returnedNanos - startNanos);
        }
    }

    Sent send(QmpClient qmp, String command, JsonNode arguments, Duration timeout) throws Exception {
        Future<Sent> sent = callers.submit(() -> {
            long start = System.nanoTime();
            CompletableFuture<JsonNode> call = qmp.execute(command, arguments, timeout);
            return new Sent(call, start, System.nanoTime());
        });
        return sent.get(3, TimeUnit.SECONDS); // a TimeoutException here: the caller blocked
    }

    static JsonNode twoMebibytes() {
        return Json.object().put("blob", "x".repeat(2 << 20));
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void aLargeCallAndASmallOneReturnAtOnceAndFailWithinTheirTimeout() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("stalled.sock"));
        try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                QmpClient qmp = QmpClient.connect(endpoint)) {
            Duration timeout = Duration.ofSeconds(1);
            Sent large = send(qmp, "large", twoMebibytes(), timeout);
            Sent small = send(qmp, "small", null, timeout);
            assertTrue(
                    large.returnMillis() < LARGE_RETURNS_MS,
                    "the large call returned after " + large.returnMillis() + " ms");
            assertTrue(
                    small.returnMillis() < RETURNS_AT_ONCE_MS,
                    "the small call returned after " + small.returnMillis() + " ms");
            for (Sent sent : List.of(large, small)) {
                Throwable error = QmpClientTest.failure(sent.call());
                long failedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent.startNanos());
                assertInstanceOf(QmpTimeoutException.class, error);
                assertTrue(
                        failedAfter >= 1000 && failedAfter <= 1000 + TIMER_SLACK_MS,
                        "failed after " + failedAfter + " ms: " + error.getMessage());
            }
            assertTrue(
                    QmpClientTest.failure(large.call()).getMessage().startsWith("large: only partly sent to unix:"),
                    QmpClientTest.failure(large.call()).getMessage());
            assertTrue(
                    QmpClientTest.failure(small.call()).getMessage().startsWith("small: not sent to unix:"),
                    QmpClientTest.failure(small.call()).getMessage());
        }
    }

    @Test
    void theConnectionGoesOnWhenThePeerReadsAgain() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("stalled.sock"));
        try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                QmpClient qmp = QmpClient.connect(endpoint)) {
            Sent large = send(qmp, "large", twoMebibytes(), Duration.ofMillis(200));
            List<CompletableFuture<JsonNode>> small = new ArrayList<>();
            for (int i = 0; i < 200; i++) { // enough that withdrawn lines are swept out of the queue
                small.add(qmp.execute("small", null, Duration.ofMillis(200)));
            }
            assertInstanceOf(QmpTimeoutException.class, QmpClientTest.failure(large.call()));
            for (CompletableFuture<JsonNode> call : small) {
                assertInstanceOf(QmpTimeoutException.class, QmpClientTest.failure(call));
            }
            assertTrue(qmp.isOpen());
            peer.resume();
            assertEquals(
                    "{}",
                    qmp.execute("after", null, Duration.ofSeconds(10))
                            .get(10, TimeUnit.SECONDS)
                            .toString());
            // The large command had begun to leave and was finished; the small ones were withdrawn.
            assertEquals(List.of("large", "after"), peer.commands());
        }
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void aFullWriteQueueFailsTheCallAtOnce() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("stalled.sock"));
        ClientOptions options = ClientOptions.defaults().withWriteQueueLimit(1 << 20);
        try (PeerDouble peer = PeerDouble.listen(endpoint, true);
                QmpClient qmp = QmpClient.connect(endpoint, options)) {
            JsonNode quarter = Json.object().put("blob", "x".repeat(256 << 10));
            Throwable refused = null;
            int accepted = 0;
            while (refused == null && accepted < 64) {
                Sent sent = send(qmp, "quarter", quarter, Duration.ofSeconds(30));
                if (sent.call().isCompletedExceptionally()) {
                    refused = QmpClientTest.failure(sent.call());
                } else {
                    accepted++;
                }
            }
            assertInstanceOf(QmpQueueFullException.class, refused);
            assertTrue(accepted >= 3, accepted + " calls accepted");
            assertTrue(refused.getMessage().startsWith("quarter: the write queue to unix:"), refused.getMessage());
            assertTrue(qmp.isOpen(), "a full queue refuses calls, it does not end the connection");
        }
    }
}
