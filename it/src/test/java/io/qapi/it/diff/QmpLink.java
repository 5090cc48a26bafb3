package io.qapi.it.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A QMP connection as the tests that talk to QEMU and the model need it (the differential runner,
 * the signal test): lines out, JSON messages in, and every read bounded by a timeout. A reader thread turns the incoming lines into messages on a bounded
 * queue, so that a target that never answers costs a timeout rather than a hang.
 */
public final class QmpLink implements AutoCloseable {
    /** Queued in place of a message when the connection ends. */
    public static final JsonNode CLOSED = JsonNodeFactory.instance.textNode("connection closed");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE_BOUND = 4096;

    private final SocketChannel channel;
    private final BlockingQueue<JsonNode> incoming = new ArrayBlockingQueue<>(QUEUE_BOUND);

    private QmpLink(SocketChannel channel) {
        this.channel = channel;
        Thread reader = new Thread(this::readLines, "qmp-diff-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects once; an {@link IOException} means nothing listens there (yet). */
    public static QmpLink connect(Path socket) throws IOException {
        return new QmpLink(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
    }

    /** Sends one line; a closed connection is an {@link IOException}. */
    public void send(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /**
     * The next message, {@link #CLOSED} once the connection has ended, or {@code null} when
     * nothing came within {@code timeout}.
     */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = incoming.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (isClosed(message)) {
            incoming.offer(CLOSED); // every later read sees the end too
        }
        return message;
    }

    /** Whether {@code message} is the end of the connection rather than something QEMU sent. */
    // The very instance: a peer's message with the same text is still a message.
    @SuppressWarnings("ReferenceEquality")
    public static boolean isClosed(JsonNode message) {
        return message == CLOSED;
    }

    private void readLines() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                // a reader nobody drains for this long has been abandoned: stop rather than block
                if (!line.isBlank() && !incoming.offer(parse(line), 30, TimeUnit.SECONDS)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the connection ended or was closed by us: both are the end of the stream
        } finally {
            incoming.offer(CLOSED);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            // a target that writes non-JSON is a difference worth seeing, not a crash of the runner
            return JsonNodeFactory.instance.objectNode().put("not-json", line);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
