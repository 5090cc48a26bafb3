package io.qapi.runtime.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * A session's output. Any thread may send; a line goes straight to the socket while nothing
 * waits before it, and is queued otherwise, for the I/O thread to write when the socket takes
 * data again. What is queued is counted, so that the session can stop reading a client that
 * does not read its replies, and close one that lets events pile up beyond the limit.
 */
final class Outbox {
    /** What the outbox needs from its session. */
    interface Owner {
        /** Writing failed, or too much waits: the session must end. */
        void failed(CloseReason.Kind kind, String detail);

        /** Output started or stopped waiting: the socket's interest must change (on the I/O thread). */
        void waitingChanged();
    }

    private final SocketChannel channel;
    private final Owner owner;
    private final long limit;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long bytes;
    private boolean closed;

    Outbox(SocketChannel channel, Owner owner, long limit) {
        this.channel = channel;
        this.owner = owner;
        this.limit = limit;
    }

    void send(byte[] line) {
        send(line, null);
    }

    /**
     * Sends {@code line} (if not null) after running {@code first}, both under the outbox's lock,
     * so that nothing another thread sends can come between the two.
     */
    void send(byte[] line, Runnable first) {
        long over = 0;
        synchronized (this) {
            if (first != null) {
                first.run();
            }
            if (line == null || closed) {
                return;
            }
            if (!queue.isEmpty()) {
                queue.add(ByteBuffer.wrap(line));
                bytes += line.length;
                over = bytes > limit ? bytes : 0;
            } else {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                if (!write(buffer)) {
                    return;
                }
                if (buffer.hasRemaining()) {
                    queue.add(buffer);
                    bytes = buffer.remaining();
                    owner.waitingChanged();
                }
            }
        }
        if (over > 0) {
            owner.failed(CloseReason.Kind.OUTPUT_BACKLOG, over + " bytes of replies and events not read by the client");
        }
    }

    /** On the I/O thread, when the socket takes data again: writes what it takes. */
    void flush() {
        synchronized (this) {
            while (!queue.isEmpty()) {
                ByteBuffer buffer = queue.peek();
                int before = buffer.remaining();
                if (!write(buffer)) {
                    return;
                }
                bytes -= before - buffer.remaining();
                if (buffer.hasRemaining()) {
                    return;
                }
                queue.poll();
            }
            bytes = 0;
        }
    }

    private boolean write(ByteBuffer buffer) {
        try {
            channel.write(buffer);
            return true;
        } catch (IOException e) {
            owner.failed(CloseReason.Kind.IO_ERROR, "writing: " + e.getMessage());
            return false;
        }
    }

    /** Bytes waiting to be written. */
    synchronized long waiting() {
        return queue.isEmpty() ? 0 : bytes;
    }

    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Drops what waits; returns false if it was closed already. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        queue.clear();
        bytes = 0;
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
