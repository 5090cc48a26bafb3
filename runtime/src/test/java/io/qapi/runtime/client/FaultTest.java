package io.qapi.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.server.ServerMain;
import io.qapi.runtime.transport.ChildJvm;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A peer that dies, and one that hangs. */
class FaultTest {
    @TempDir
    Path dir;

    @Test
    void peerKilledMidCommand() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        Process peer = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        ChildJvm.classPath(ServerMain.class),
                        ServerMain.class.getName(),
                        socket.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            QmpClient qmp = QmpClient.connect(Endpoint.unix(socket));
            assertEquals(
                    "{}",
                    qmp.execute("query-name", null).get(5, TimeUnit.SECONDS).toString());
            List<CompletableFuture<JsonNode>> running = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                running.add(qmp.execute("sleep", Json.object().put("ms", 60_000)));
            }
            Thread.sleep(300); // the first sleep runs, the others wait behind it
            long killed = System.nanoTime();
            peer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (CompletableFuture<JsonNode> call : running) {
                Throwable error = QmpClientTest.failure(call);
                assertInstanceOf(QmpConnectionException.class, error);
                assertTrue(
                        error.getMessage().contains("the server closed the connection")
                                || error.getMessage().contains("reading failed"),
                        error.getMessage());
            }
            assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(5), "pending calls failed late");
            qmp.closed().get(5, TimeUnit.SECONDS);
        } finally {
            peer.destroyForcibly();
        }
    }

    @Test
    void hungPeerTimesOut() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("hung.sock"));
        try (ServerSocketChannel listener = Sockets.listen(endpoint)) {
            Thread peer = new Thread(() -> hang(listener, true), "hung-peer");
            peer.setDaemon(true);
            peer.start();
            try (QmpClient qmp = QmpClient.connect(endpoint)) {
                long start = System.nanoTime();
                Throwable error = QmpClientTest.failure(qmp.execute("query-status", null, Duration.ofMillis(300)));
                assertInstanceOf(QmpTimeoutException.class, error);
                assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
                assertTrue(qmp.isOpen(), "a timeout does not end the connection");
            }
        }
    }

    @Test
    void peerThatNeverGreetsFailsTheConnect() throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("mute.sock"));
        try (ServerSocketChannel listener = Sockets.listen(endpoint)) {
            Thread peer = new Thread(() -> hang(listener, false), "mute-peer");
            peer.setDaemon(true);
            peer.start();
            long start = System.nanoTime();
            SocketTimeoutException error = assertThrows(
                    SocketTimeoutException.class,
                    () -> QmpClient.connect(
                            endpoint, ClientOptions.defaults().withConnectTimeout(Duration.ofMillis(300))));
            assertTrue(error.getMessage().startsWith("no greeting from unix:"), error.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
        }
    }

    @Test
    void nothingListening() {
        Endpoint endpoint = Endpoint.unix(dir.resolve("nobody.sock"));
        assertThrows(IOException.class, () -> QmpClient.connect(endpoint));
    }

    /** Accepts one client; optionally greets and negotiates; then reads and never answers. */
    private static void hang(ServerSocketChannel listener, boolean greet) {
        try (SocketChannel client = listener.accept()) {
            if (greet) {
                client.write(ByteBuffer.wrap(("{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, "
                                + "\"major\": 7}, \"package\": \"\"}, \"capabilities\": []}}\r\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer in = ByteBuffer.allocate(4096);
                client.read(in);
                client.write(ByteBuffer.wrap("{\"return\": {}, \"id\": 1}\r\n".getBytes(StandardCharsets.US_ASCII)));
            }
            ByteBuffer sink = ByteBuffer.allocate(4096);
            while (client.read(sink) >= 0) {
                sink.clear();
            }
        } catch (IOException e) {
            // the test is over
        }
    }
}
