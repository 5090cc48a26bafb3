package io.qapi.runtime.client;

import io.qapi.runtime.transport.Transport;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * What one connection has yet to send: a line per command, bounded in bytes. A caller never
 * waits for the peer: its line is written at once as far as the socket takes it (usually all
 * of it), and the rest waits here until the {@link ClientReactor} finds the socket writable
 * again. Lines leave whole and in order; a line that has begun to leave is always finished,
 * since half a command would corrupt every later one.
 */
final class WriteQueue {
    /**
     * Bytes handed to the socket per write: the JDK copies a heap buffer into a direct buffer of
     * the size it is given, so writing a large line in one call would copy all of it each time
     * the socket takes a little.
     */
    private static final int WINDOW = 256 << 10;

    /** How far a call's command got when it was withdrawn. */
    enum Progress {
        /** Not a byte left: it was taken out and will never reach the peer. */
        NOT_SENT,
        /** Begun: it is being finished and may still run. */
        PARTLY_SENT,
        /** All of it went to the peer. */
        SENT
    }

    /** What became of an offered line. */
    enum Offer {
        ACCEPTED,
        FULL,
        CLOSED
    }

    private static final class Line {
        final PendingCall call;
        final ByteBuffer bytes;
        final List<FileDescriptor> descriptors;
        boolean started;
        boolean withdrawn;

        Line(PendingCall call, byte[] bytes, List<FileDescriptor> descriptors) {
            this.call = call;
            this.bytes = ByteBuffer.wrap(bytes);
            this.descriptors = descriptors;
        }
    }

    private final SocketChannel channel;
    private final Transport transport;
    private final long limit;
    private final Runnable wantWritable;
    private final ArrayDeque<Line> lines = new ArrayDeque<>();
    /** The lines in {@link #lines} not withdrawn, by call: withdrawing is a lookup, not a scan. */
    private final IdentityHashMap<PendingCall, Line> waiting = new IdentityHashMap<>();

    private long queuedBytes;
    private int withdrawnInLines;
    private boolean closed;

    /**
     * @param limit        the most bytes that may wait here
     * @param wantWritable asks the reactor to call {@link #flush} when the socket has room
     */
    WriteQueue(SocketChannel channel, Transport transport, long limit, Runnable wantWritable) {
        this.channel = channel;
        this.transport = transport;
        this.limit = limit;
        this.wantWritable = wantWritable;
    }

    /**
     * Queues a command's line and writes what the socket takes now.
     *
     * @throws IOException when writing fails: the connection is broken
     */
    synchronized Offer offer(PendingCall call, byte[] line, List<FileDescriptor> descriptors) throws IOException {
        if (closed) {
            return Offer.CLOSED;
        }
        if (queuedBytes + line.length > limit) {
            return Offer.FULL;
        }
        boolean idle = lines.isEmpty();
        Line queued = new Line(call, line, descriptors);
        lines.add(queued);
        waiting.put(call, queued);
        queuedBytes += line.length;
        if (idle) {
            writeSome();
            if (!lines.isEmpty()) {
                wantWritable.run(); // while lines wait, the reactor has been asked once already
            }
        }
        return Offer.ACCEPTED;
    }

    /**
     * On the reactor thread, when the socket has room: writes what it takes.
     *
     * @return whether lines still wait
     */
    synchronized boolean flush() throws IOException {
        if (!closed) {
            writeSome();
        }
        return !lines.isEmpty();
    }

    /** Takes back a call's line if none of it has left yet; says how far it got. */
    synchronized Progress withdraw(PendingCall call) {
        Line line = waiting.get(call);
        if (line == null) {
            return Progress.SENT;
        }
        if (line.started) {
            return Progress.PARTLY_SENT;
        }
        waiting.remove(call);
        line.withdrawn = true; // skipped when it comes to the head
        queuedBytes -= line.bytes.remaining();
        if (++withdrawnInLines > 64 && withdrawnInLines * 2 > lines.size()) {
            // A peer that reads nothing for long must not keep every withdrawn line alive.
            lines.removeIf(waitingLine -> waitingLine.withdrawn);
            withdrawnInLines = 0;
        }
        return Progress.NOT_SENT;
    }

    /** The bytes waiting. */
    synchronized long queuedBytes() {
        return queuedBytes;
    }

    long limit() {
        return limit;
    }

    /** The connection ended: nothing more is written. */
    synchronized void close() {
        closed = true;
        lines.clear();
        waiting.clear();
        withdrawnInLines = 0;
        queuedBytes = 0;
    }

    private void writeSome() throws IOException {
        for (Line head; (head = lines.peek()) != null; lines.poll()) {
            ByteBuffer bytes = head.bytes;
            while (!head.withdrawn && bytes.hasRemaining()) {
                if (!head.started && !head.descriptors.isEmpty()) {
                    transport.attachFileDescriptors(channel, head.descriptors);
                }
                head.started = true; // from here on it must be finished: the peer may have some of it
                int end = bytes.limit();
                int window = Math.min(bytes.remaining(), WINDOW);
                bytes.limit(bytes.position() + window);
                int written;
                try {
                    written = channel.write(bytes);
                } finally {
                    bytes.limit(end);
                }
                queuedBytes -= written;
                if (written < window) { // the socket is full
                    if (bytes.position() == 0 && head.descriptors.isEmpty()) {
                        head.started = false; // nothing left: it may still be withdrawn
                    }
                    return;
                }
            }
            if (head.withdrawn) {
                withdrawnInLines--;
            } else {
                waiting.remove(head.call);
            }
        }
    }
}
