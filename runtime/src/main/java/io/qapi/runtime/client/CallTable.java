package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The commands of one connection that wait for their replies, by the id each was sent with:
 * sends them, matches replies, times them out, and fails them all at once when the
 * connection ends.
 */
final class CallTable {
    private static final System.Logger LOG = LazyLogger.of(CallTable.class);

    private final Endpoint endpoint;
    private final SocketChannel channel;
    private final Object writeLock = new Object();
    private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile RuntimeException failure;

    CallTable(Endpoint endpoint, SocketChannel channel) {
        this.endpoint = endpoint;
        this.channel = channel;
    }

    /** Sends a command; a failure to write ends the connection through {@code lost}. */
    PendingCall send(QmpClient client, String command, JsonNode arguments, boolean outOfBand, Duration timeout) {
        long id = ids.incrementAndGet();
        PendingCall call = new PendingCall(client, id, command);
        pending.put(id, call);
        RuntimeException dead = failure;
        if (dead != null) {
            pending.remove(id);
            call.fail(dead);
            return call;
        }
        if (timeout != null) {
            call.timer(Handshake.TIMERS.schedule(() -> expire(call, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS));
        }
        ByteBuffer line = ByteBuffer.wrap(JsonWriter.INSERTION.line(
                QmpMessages.command(command, arguments, LongNode.valueOf(id), outOfBand)));
        try {
            synchronized (writeLock) {
                write(line);
            }
        } catch (IOException e) {
            client.lost("writing failed: " + e, e);
        }
        return call;
    }

    /**
     * Writes all of {@code line} to the non-blocking socket. A command almost always fits in
     * the socket's buffer at once; when the server does not read, this waits in small steps.
     */
    private void write(ByteBuffer line) throws IOException {
        long pause = 10_000;
        while (line.hasRemaining()) {
            if (channel.write(line) == 0) {
                if (failure != null) {
                    throw new IOException("connection closed");
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(pause * 2, 10_000_000);
            }
        }
    }

    private void expire(PendingCall call, Duration timeout) {
        if (pending.remove(call.id, call)) {
            call.fail(new QmpTimeoutException(call.command + ": no reply from " + endpoint + " within "
                    + timeout.toMillis() + " ms"));
        }
    }

    void forget(long id) {
        pending.remove(id);
    }

    /** Completes the call a reply answers; replies nobody waits for (late, foreign) are dropped. */
    void reply(JsonNode message) {
        JsonNode id = message.get("id");
        PendingCall call = id != null && id.canConvertToLong() ? pending.remove(id.longValue()) : null;
        if (call == null) {
            LOG.log(System.Logger.Level.DEBUG, () -> "QMP reply nobody waits for (late or foreign): " + message);
            return;
        }
        JsonNode error = message.get("error");
        if (error != null) {
            call.fail(new QmpError(error.path("class").asText(), error.path("desc").asText()));
        } else {
            call.succeed(message.get("return"));
        }
    }

    /** Fails every waiting call, and every later one, with {@code error}. Returns false if done before. */
    boolean failAll(RuntimeException error) {
        synchronized (this) {
            if (failure != null) {
                return false;
            }
            failure = error;
        }
        for (Long id : pending.keySet()) {
            PendingCall call = pending.remove(id);
            if (call != null) {
                call.fail(error);
            }
        }
        return true;
    }

    boolean failed() {
        return failure != null;
    }
}
