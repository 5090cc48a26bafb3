package io.qapi.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer that is still starting: its socket file may exist before anything accepts on it. */
class AwaitListeningTest {
    @TempDir
    Path dir;

    @Test
    void nothingThereMeansFalseAfterTheTimeout() throws Exception {
        long start = System.nanoTime();
        assertFalse(Sockets.awaitListening(Endpoint.unix(dir.resolve("absent.sock")), Duration.ofMillis(150)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void aSocketFileLeftByAPeerThatExitedIsNotReady() throws Exception {
        Path path = dir.resolve("stale.sock");
        try (ServerSocketChannel exited = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            exited.bind(UnixDomainSocketAddress.of(path));
        }
        assertTrue(path.toFile().exists(), "the file stays after close");
        assertFalse(Sockets.awaitListening(Endpoint.unix(path), Duration.ofMillis(100)));
    }

    @Test
    void aPeerThatStartsListeningLaterIsSeen() throws Exception {
        Path path = dir.resolve("late.sock");
        CompletableFuture<ServerSocketChannel> server = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(200);
                ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                channel.bind(UnixDomainSocketAddress.of(path));
                return channel;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertTrue(Sockets.awaitListening(Endpoint.unix(path), Duration.ofSeconds(10)));
        } finally {
            server.get(10, TimeUnit.SECONDS).close();
        }
    }
}
