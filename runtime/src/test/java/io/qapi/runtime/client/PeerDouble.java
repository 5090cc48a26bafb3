package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A QMP peer for client tests, on one connection: it greets, answers {@code qmp_capabilities},
 * then (unless stalled) answers every command with an empty return and records its name. A
 * stalled peer stops reading after negotiating, as a busy QEMU does, until {@link #resume}.
 * It either accepts one client ({@link #listen}) or connects out to a listening client
 * ({@link #connect}), as a QEMU with a client-mode monitor does.
 */
final class PeerDouble implements AutoCloseable {
    static final String GREETING = "{\"QMP\": {\"version\": {\"qemu\": {\"micro\": 0, \"minor\": 2, \"major\": 7}, "
            + "\"package\": \"\"}, \"capabilities\": []}}";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final CountDownLatch resumed;
    private final CountDownLatch negotiated = new CountDownLatch(1);
    private final Thread thread;
    private volatile SocketChannel channel;
    private volatile ServerSocketChannel listener;

    private PeerDouble(boolean stalled) {
        this.resumed = new CountDownLatch(stalled ? 1 : 0);
        this.thread = new Thread(this::serve, "peer-double");
        thread.setDaemon(true);
    }

    /** Listens at {@code endpoint} and serves the first client. */
    static PeerDouble listen(Endpoint endpoint, boolean stalled) throws IOException {
        PeerDouble peer = new PeerDouble(stalled);
        peer.listener = Sockets.listen(endpoint);
        peer.thread.start();
        return peer;
    }

    /** Connects to a client listening at {@code endpoint} and serves it. */
    static PeerDouble connect(Endpoint endpoint) throws IOException {
        PeerDouble peer = new PeerDouble(false);
        peer.channel = Sockets.connect(endpoint, Duration.ofSeconds(5));
        peer.thread.start();
        return peer;
    }

    /** Starts reading again. */
    void resume() {
        resumed.countDown();
    }

    /** The commands read after negotiation, in order. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    void awaitNegotiated() throws InterruptedException {
        negotiated.await();
    }

    /** Sends one message (an event, say), followed by QEMU's line end. */
    synchronized void send(String message) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((message + "\r\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void serve() {
        try {
            if (listener != null) {
                channel = listener.accept();
            }
            send(GREETING);
            InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 65536);
            answer(readLine(in));
            negotiated.countDown();
            resumed.await();
            for (JsonNode command; (command = readLine(in)) != null; ) {
                commands.add(command.path("execute").asText());
                answer(command);
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private void answer(JsonNode command) throws IOException {
        if (command != null) {
            send("{\"return\": {}, \"id\": " + command.path("id") + "}");
        }
    }

    private static JsonNode readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                return MAPPER.readTree(line.toByteArray());
            }
            line.write(b);
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        resume();
        if (listener != null) {
            listener.close();
        }
        if (channel != null) {
            channel.close();
        }
    }
}
