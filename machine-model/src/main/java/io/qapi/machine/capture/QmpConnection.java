package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A minimal QMP conversation over a unix socket, used only by the capture tool. It keeps the
 * capture independent of the runtime's client while that API is being renamed; every read has a
 * timeout, and asynchronous events are skipped because the capture records replies only.
 */
final class QmpConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "qmp-capture-reader");
        t.setDaemon(true);
        return t;
    });
    private final Duration timeout;
    private final JsonNode greeting;

    private QmpConnection(SocketChannel channel, Duration timeout) throws IOException {
        this.channel = channel;
        this.timeout = timeout;
        this.in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        this.out = Channels.newOutputStream(channel);
        this.greeting = readMessage();
        execute("qmp_capabilities", null);
    }

    /**
     * Connects, retrying while QEMU has not yet created the socket, for at most {@code timeout};
     * gives up at once when {@code alive} says QEMU has exited (e.g. a board that needs firmware).
     */
    static QmpConnection open(Path socket, Duration timeout, BooleanSupplier alive) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    ch.connect(UnixDomainSocketAddress.of(socket));
                    return new QmpConnection(ch, timeout);
                } catch (IOException e) {
                    ch.close();
                    throw e;
                }
            } catch (IOException e) {
                if (!alive.getAsBoolean()) {
                    throw new IOException("QEMU exited before opening " + socket, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("QMP socket " + socket + " not ready within " + timeout, e);
                }
                sleep();
            }
        }
    }

    JsonNode greeting() {
        return greeting;
    }

    /** Sends one command and returns QEMU's whole reply object ({@code return} or {@code error}). */
    JsonNode execute(String command, JsonNode arguments) throws IOException {
        ObjectNode request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode message = readMessage();
            if (message.has("return") || message.has("error")) {
                return message;
            }
        }
    }

    private JsonNode readMessage() throws IOException {
        Future<String> line = reader.submit(in::readLine);
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new IOException("QEMU closed the QMP connection");
            }
            return JSON.readTree(text);
        } catch (TimeoutException e) {
            line.cancel(true);
            throw new IOException("no QMP reply within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for QMP", e);
        } catch (ExecutionException e) {
            throw new IOException("reading QMP failed", e.getCause());
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.shutdownNow();
        channel.close();
    }
}
