package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** Listening, limits on connections and output, half-closed clients, shutdown. */
class ConnectionsTest extends ServerFixture {
    @Test
    void unixSocketIsPrivateAndTcpListensOnLoopback() throws Exception {
        start(new TinyQemu().commands());
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("qmp.sock"))));
        assertEquals(List.of(), listFiles(dir, ".qmp-"));
        Endpoint tcp = server.listen(Endpoint.loopback(0));
        assertTrue(tcp instanceof Endpoint.Tcp t && t.port() > 0 && t.host().equals("127.0.0.1"), tcp.toString());
        try (RawConnection qmp = negotiated(tcp, false)) {
            qmp.send("{\"execute\": \"query-name\"}");
            assertEquals("{\"return\": {}}", qmp.text());
        }
    }

    private static List<String> listFiles(Path dir, String prefix) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix))
                    .toList();
        }
    }

    @Test
    void staleSocketIsReplacedLiveOneIsNot() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        assertThrows(IOException.class, () -> new QmpServer(List.of()).listen(endpoint));
    }

    @Test
    void gracefulShutdownAnswersWhatItReceived() throws Exception {
        Endpoint endpoint = start(List.of(sleeper("slow", 500, false)));
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"slow\", \"id\": 1}");
            Thread.sleep(100);
            assertTrue(server.shutdown(Duration.ofSeconds(5)));
            assertEquals("{\"return\": \"slow\", \"id\": 1}", qmp.text());
            assertTrue(qmp.closedByPeer(2000));
        }
        assertTrue(Files.notExists(dir.resolve("qmp.sock")));
        assertThrows(IOException.class, () -> new RawConnection(endpoint));
    }

    /**
     * A client that stops reading while events keep coming is disconnected once more than
     * {@code maxOutputBytes} wait for it, with a warning in the log: the server holds at most
     * that much (and one event more) for it, however long the events go on.
     */
    @Test
    void aClientThatStopsReadingIsDisconnectedWithALogLine() throws Exception {
        AtomicReference<CloseReason> reason = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        SessionListener listener = new SessionListener() {
            @Override
            public void closed(long session, String peer, CloseReason why) {
                reason.set(why);
                closed.countDown();
            }
        };
        long limit = 1 << 20;
        Endpoint endpoint = start(
                List.of(),
                ServerOptions.builder().maxOutputBytes(limit).listener(listener).build());
        ObjectNode data = Json.object().put("data", "x".repeat(10_000));
        int sent = 0;
        try (LogLines log = new LogLines(QmpServer.class, Level.WARNING);
                SocketChannel mute = Sockets.connect(endpoint, Duration.ofSeconds(5))) {
            readLine(mute);
            mute.write(ByteBuffer.wrap("{\"execute\": \"qmp_capabilities\"}".getBytes(StandardCharsets.US_ASCII)));
            readLine(mute);
            // From here on the client reads nothing.
            for (; sent < 10_000 && closed.getCount() > 0; sent++) {
                server.emit("BIG", data);
            }
            assertTrue(closed.await(10, TimeUnit.SECONDS));
            assertEquals(
                    CloseReason.Kind.OUTPUT_BACKLOG,
                    reason.get().kind(),
                    reason.get().toString());
            String detail = reason.get().detail();
            long waiting = Long.parseLong(detail.substring(0, detail.indexOf(' ')));
            assertTrue(waiting > limit && waiting <= limit + 10_100, detail);
            assertTrue(sent < 10_000, "the session outlived " + sent + " events");
            assertEquals(1, log.records.size(), "one warning");
            String line = log.records.get(0).getMessage();
            assertTrue(line.contains("closed: OUTPUT_BACKLOG") && line.contains("not read by the client"), line);
            System.out.println("output bound: a client that stopped reading was disconnected after " + sent
                    + " events of 10 kB, " + waiting + " bytes waiting (limit " + limit + ")");
        }
    }

    /** Reads one line byte by byte, so nothing after it is taken from the socket. */
    private static String readLine(SocketChannel channel) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        StringBuilder line = new StringBuilder();
        do {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("closed");
            }
            line.append((char) one.get(0));
        } while (one.get(0) != '\n');
        return line.toString();
    }

    @Test
    void hundredsOfSessionsOnOneIoThread() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        List<SocketChannel> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                SocketChannel client = Sockets.connect(endpoint, Duration.ofSeconds(5));
                clients.add(client);
                readLine(client);
                client.write(ByteBuffer.wrap(("{\"execute\": \"qmp_capabilities\", \"id\": " + i + "}")
                        .getBytes(StandardCharsets.US_ASCII)));
            }
            for (int i = 0; i < clients.size(); i++) {
                assertEquals("{\"return\": {}, \"id\": " + i + "}\r\n", readLine(clients.get(i)));
            }
            assertEquals(300, server.sessionCount());
            server.emit("HELLO", null);
            for (SocketChannel client : clients) {
                assertTrue(readLine(client).endsWith("\"event\": \"HELLO\"}\r\n"));
            }
        } finally {
            for (SocketChannel client : clients) {
                client.close();
            }
        }
    }

    @Test
    void halfClosedClientStillGetsItsReplies() throws Exception {
        Endpoint endpoint = start(new TinyQemu().commands());
        try (RawConnection qmp = negotiated(endpoint, false)) {
            qmp.send("{\"execute\": \"query-name\", \"id\": 1}{\"execute\": \"query-uuid\", \"id\": 2}");
            qmp.shutdownOutput();
            assertEquals("{\"return\": {}, \"id\": 1}", qmp.text());
            assertTrue(qmp.text().endsWith("\"id\": 2}"));
            assertTrue(qmp.closedByPeer(2000));
        }
    }

    @Test
    void sessionsBeyondTheLimitAreClosed() throws Exception {
        Endpoint endpoint = start(
                new TinyQemu().commands(),
                ServerOptions.builder().maxSessions(2).build());
        List<RawConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                open.add(negotiated(endpoint, false));
            }
            try (RawConnection third = new RawConnection(endpoint)) {
                assertTrue(third.closedByPeer(2000));
            }
        } finally {
            for (RawConnection c : open) {
                c.close();
            }
        }
    }
}
