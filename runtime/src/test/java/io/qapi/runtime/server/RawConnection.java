package io.qapi.runtime.server;

import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare socket to a QMP server for wire-level tests: sends bytes as given, reads lines
 * exactly as they come (the {@code \r\n} included). A thread reads into a queue so that a
 * test can wait for a line with a timeout, or make sure none comes.
 */
public final class RawConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(1 << 20);
    private volatile boolean eof;

    public RawConnection(Endpoint endpoint) throws IOException {
        this(Sockets.connect(endpoint, Duration.ofSeconds(5)));
    }

    /** Over a channel connected already, in blocking mode. */
    public RawConnection(SocketChannel connected) {
        channel = connected;
        Thread reader = new Thread(this::read, "raw-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 65536)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) >= 0; ) {
                line.write(b);
                if (b == '\n') {
                    lines.put(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection gone
        }
        eof = true;
    }

    public void send(String text) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The next line, {@code \r\n} included; fails after {@code seconds}. */
    public String line(int seconds) throws IOException, InterruptedException {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new SocketTimeoutException(eof ? "connection closed" : "no line within " + seconds + " s");
        }
        return line;
    }

    public String line() throws IOException, InterruptedException {
        return line(10);
    }

    /** The next line without its {@code \r\n}. */
    public String text() throws IOException, InterruptedException {
        String line = line();
        return line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line;
    }

    /** Null if no line came within {@code millis}. */
    public String maybe(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    public boolean closedByPeer(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!eof && System.currentTimeMillis() < end) {
            Thread.sleep(5);
        }
        return eof;
    }

    public void shutdownOutput() throws IOException {
        channel.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
