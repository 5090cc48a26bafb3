package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.transport.Endpoint;
import java.io.FileDescriptor;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands of one connection that wait for their replies, by the id each was sent with:
 * sends them through the connection's {@link WriteQueue}, matches replies, times them out, and
 * fails them all at once when the connection ends.
 */
final class CallTable {
    private static final System.Logger LOG = LazyLogger.of(CallTable.class);

    private final Endpoint endpoint;
    private final WriteQueue writes;
    private final ConcurrentHashMap<Long, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile RuntimeException failure;

    CallTable(Endpoint endpoint, WriteQueue writes) {
        this.endpoint = endpoint;
        this.writes = writes;
    }

    /**
     * Sends a command without waiting for the peer; a failure to write ends the connection
     * through {@code lost}. The timeout runs from here, so it covers encoding the command and
     * the time it waits to be written as well as the reply.
     */
    PendingCall send(
            QmpClient client,
            String command,
            JsonNode arguments,
            boolean outOfBand,
            Duration timeout,
            List<FileDescriptor> descriptors) {
        long start = System.nanoTime();
        long id = ids.incrementAndGet();
        PendingCall call = new PendingCall(client, id, command);
        pending.put(id, call);
        RuntimeException dead = failure;
        if (dead != null) {
            pending.remove(id);
            call.fail(dead);
            return call;
        }
        byte[] line =
                JsonWriter.INSERTION.line(QmpMessages.command(command, arguments, LongNode.valueOf(id), outOfBand));
        WriteQueue.Offer offer;
        try {
            offer = writes.offer(call, line, descriptors);
        } catch (IOException e) {
            client.lost("writing failed: " + e, e);
            return call;
        }
        if (offer == WriteQueue.Offer.FULL) {
            pending.remove(id);
            call.fail(new QmpQueueFullException(command + ": the write queue to " + endpoint + " is full ("
                    + writes.queuedBytes() + " of " + writes.limit() + " bytes wait, this command needs "
                    + line.length + "): the peer is not reading"));
        } else if (timeout != null) {
            // Scheduled only now that the line is queued, so that it is there to withdraw.
            long left = timeout.toNanos() - (System.nanoTime() - start);
            call.timer(Handshake.TIMERS.schedule(() -> expire(call, timeout), left, TimeUnit.NANOSECONDS));
        }
        return call; // Offer.CLOSED: the connection ended meanwhile, and failAll fails the call
    }

    private void expire(PendingCall call, Duration timeout) {
        if (!pending.remove(call.id, call)) {
            return;
        }
        long ms = timeout.toMillis();
        String why = switch (writes.withdraw(call)) {
            case NOT_SENT ->
                "not sent to " + endpoint + " within " + ms + " ms (the peer is not reading): "
                        + "withdrawn, it will not run";
            case PARTLY_SENT ->
                "only partly sent to " + endpoint + " within " + ms + " ms (the peer is not "
                        + "reading): the rest follows when it reads, and the command may then run";
            case SENT -> "no reply from " + endpoint + " within " + ms + " ms";
        };
        call.fail(new QmpTimeoutException(call.command + ": " + why));
    }

    /** The caller gave up on a call: it is no longer matched, and withdrawn if it has not left. */
    void forget(PendingCall call) {
        pending.remove(call.id, call);
        writes.withdraw(call);
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
            call.fail(new QmpError(
                    error.path("class").asText(), error.path("desc").asText()));
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
        writes.close();
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
