package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client listens and the peer connects to it, as a QEMU with a client-mode monitor does. */
class ReverseConnectionTest {
    @TempDir
    Path dir;

    @Test
    void aPeerThatConnectsOutIsGreetedAndNegotiatedWith() throws Exception {
        Path socket = dir.resolve("reverse.sock");
        try (QmpListener listener = QmpClient.listen(Endpoint.unix(socket), ClientOptions.defaults());
                PeerDouble peer = PeerDouble.connect(listener.endpoint());
                QmpClient qmp = listener.accept()) {
            assertEquals("7.2.0", qmp.greeting().qemuVersion());
            assertEquals(
                    "{}",
                    qmp.execute("query-status", null).get(5, TimeUnit.SECONDS).toString());
            assertEquals(List.of("query-status"), peer.commands());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        }
        assertFalse(Files.exists(socket), "the listener removes its socket");
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void overTcpOnAnyFreePort() throws Exception {
        try (QmpListener listener = QmpClient.listen(Endpoint.loopback(0), ClientOptions.defaults())) {
            Endpoint.Tcp bound = (Endpoint.Tcp) listener.endpoint();
            assertTrue(bound.port() > 0, bound.toString());
            try (PeerDouble peer = PeerDouble.connect(bound);
                    QmpClient qmp = listener.accept()) {
                assertEquals(
                        "{}",
                        qmp.execute("query-status", null)
                                .get(5, TimeUnit.SECONDS)
                                .toString());
                // A peer that reconnects (QEMU's reconnect=) is accepted again while the listener is open.
                CompletableFuture<PeerDouble> again = CompletableFuture.supplyAsync(() -> {
                    try {
                        Thread.sleep(100);
                        return PeerDouble.connect(bound);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                try (QmpClient second = qmp.reconnect();
                        PeerDouble peer2 = again.get(5, TimeUnit.SECONDS)) {
                    assertEquals(
                            "{}",
                            second.execute("query-name", null)
                                    .get(5, TimeUnit.SECONDS)
                                    .toString());
                    assertEquals(List.of("query-name"), peer2.commands());
                }
            }
        }
    }

    // the peer is opened for what it does to the client, and closed at the end; no line names it
    @SuppressWarnings("try")
    @Test
    void acceptBindsAndWaitsForOnePeer() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("once.sock"));
        // The peer keeps trying until the socket is there, as QEMU does with reconnect=.
        CompletableFuture<PeerDouble> peer = CompletableFuture.supplyAsync(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                try {
                    return PeerDouble.connect(endpoint);
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(notYet);
                    }
                    Thread.onSpinWait();
                }
            }
        });
        try (QmpClient qmp = QmpClient.accept(endpoint, ClientOptions.defaults());
                PeerDouble connected = peer.get(5, TimeUnit.SECONDS)) {
            assertEquals(
                    "{}",
                    qmp.execute("query-status", null).get(5, TimeUnit.SECONDS).toString());
            assertFalse(Files.exists(dir.resolve("once.sock")), "it stops listening once connected");
            IOException gone = assertThrows(IOException.class, qmp::reconnect);
            assertTrue(gone.getMessage().startsWith("no longer listening on unix:"), gone.getMessage());
        }
    }

    @Test
    void noPeerWithinTheConnectTimeout() throws Exception {
        ClientOptions options = ClientOptions.defaults().withConnectTimeout(Duration.ofMillis(200));
        long start = System.nanoTime();
        SocketTimeoutException error = assertThrows(
                SocketTimeoutException.class,
                () -> QmpClient.accept(Endpoint.unix(dir.resolve("lonely.sock")), options));
        assertTrue(error.getMessage().startsWith("no peer connected to "), error.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        assertFalse(Files.exists(dir.resolve("lonely.sock")));
    }
}
