package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.json.JsonStreamReader;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.QmpMessages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One client connection. The I/O thread reads and parses its input. An in-band command that
 * has proven quick ({@link CommandSpeeds}) runs right there when nothing of the session waits
 * before it; other in-band messages (parse errors too, as in QEMU) go to the session's in-band
 * {@link SerialLane}, and out-of-band commands to a second lane, so they overtake. Replies are
 * written by whichever thread produced them, straight to the socket while nothing is waiting,
 * else queued for the I/O thread. When too many in-band commands wait, the server stops
 * reading this client until they drain, which bounds what one client can make the server hold.
 */
final class Session implements JsonStreamReader.Handler, Outbox.Owner, IoLoop.Connection, Requester {
    private final long id;
    private final String peer;
    private final SocketChannel channel;
    private final Host server;
    private final JsonStreamReader reader;
    private final SerialLane inband;
    private final SerialLane outOfBand;
    private final AtomicInteger inbandWaiting = new AtomicInteger();
    private final AtomicInteger oobWaiting = new AtomicInteger();
    private volatile boolean negotiated;
    private volatile boolean oobEnabled;
    private volatile boolean readPaused;
    /** Replies wait to be sent: reading more would only make more. */
    private volatile boolean outputPaused;

    private volatile boolean inputEnded;
    /** A retired I/O thread is still running one of this session's commands: do not read. */
    private volatile boolean heldElsewhere;

    private SelectionKey key;
    private final Outbox outbox;
    /** Closes the session unless it negotiates in time; cancelled when it does. */
    private volatile ScheduledFuture<?> negotiationDeadline;

    /**
     * What a session needs of the server it belongs to: the shared options, routing, threads and
     * writer; admission once it negotiates; the end of its negotiation deadline; word of its
     * closing. The server implements it, so that a session knows nothing else of the server.
     */
    interface Host {
        ServerOptions options();

        RequestRouter router();

        JsonWriter writer();

        Executor pool();

        ScheduledExecutorService timer();

        IoLoop io();

        /** The greeting's line. */
        byte[] greeting();

        /** Lets a session that has just negotiated join the negotiated ones; false when it may not. */
        boolean admit(Session session);

        /** Closes {@code session} if it is still waiting for negotiation after {@code timeout}. */
        void expire(Session session, Duration timeout);

        void closed(Session session, CloseReason reason);
    }

    Session(long id, String peer, SocketChannel channel, Host server) {
        this.id = id;
        this.peer = peer;
        this.channel = channel;
        this.server = server;
        this.reader = new JsonStreamReader(server.options().limits(), this);
        this.inband = new SerialLane(server.pool());
        this.outOfBand = new SerialLane(server.pool());
        this.outbox = new Outbox(channel, this, server.options().maxOutputBytes());
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String peer() {
        return peer;
    }

    @Override
    public void attach(SelectionKey key) {
        this.key = key;
    }

    @Override
    public boolean negotiated() {
        return negotiated;
    }

    @Override
    public boolean oobEnabled() {
        return oobEnabled;
    }

    /**
     * Ends negotiation: the session joins the negotiated ones, unless it was closed meanwhile
     * or they are at their limit (then it is closed, and false returned).
     */
    @Override
    public boolean negotiate(boolean oob) {
        if (!server.admit(this)) {
            return false;
        }
        cancelDeadline();
        oobEnabled = oob;
        negotiated = true;
        return true;
    }

    /** Closes the session if it has not negotiated after {@code timeout}. */
    void expireAfter(Duration timeout) {
        try {
            negotiationDeadline = server.timer()
                    .schedule(() -> server.expire(this, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException shutDown) {
            // the server is closing, and closes this session too
        }
        if (isClosed()) {
            cancelDeadline();
        }
    }

    private void cancelDeadline() {
        ScheduledFuture<?> deadline = negotiationDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    // ---- input, on the I/O thread

    @Override
    public void onReadable(ByteBuffer buffer) {
        for (int reads = 0; reads < 4; reads++) { // a few reads per wake-up, then the next client
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                close(CloseReason.Kind.IO_ERROR, "reading: " + e.getMessage());
                return;
            }
            if (n < 0) {
                inputEnded = true;
                updateInterest();
                finishIfDone();
                return;
            }
            buffer.flip();
            reader.feed(buffer);
            if (n < buffer.capacity() || outputBacklog() > pauseBytes()) {
                break;
            }
        }
        if (outputBacklog() > pauseBytes()) {
            outputPaused = true; // resumed by onWritable once the client has read enough
            updateInterest();
        }
        if (inbandWaiting.get() >= server.options().maxQueuedCommands()) {
            readPaused = true;
            updateInterest();
            if (inbandWaiting.get() < server.options().maxQueuedCommands()) {
                resumeReading(); // drained while we paused
            }
        }
    }

    @Override
    public void message(JsonNode message) {
        if (message instanceof ObjectNode object && object.has("exec-oob") && !object.has("execute")) {
            if (!oobEnabled) {
                reply(server.router().handle(this, message)); // refused before any command runs, at once as in QEMU
                return;
            }
            oobWaiting.incrementAndGet();
            outOfBand.submit(() -> {
                try {
                    if (!isClosed()) {
                        reply(server.router().handle(this, message));
                    }
                } finally {
                    oobWaiting.decrementAndGet();
                    finishIfDone();
                }
            });
            return;
        }
        if (inbandWaiting.get() == 0 && server.router().quick(message)) {
            server.io().inline(this, () -> reply(server.router().handle(this, message))); // nothing waits before it
            return;
        }
        inbandWaiting.incrementAndGet();
        inband.submit(
                () -> finishInband(() -> isClosed() ? null : server.router().handle(this, message)));
    }

    @Override
    public void error(String desc) {
        if (inbandWaiting.get() == 0) {
            reply(QmpMessages.error(QmpError.GENERIC_ERROR, desc, null));
            return;
        }
        inbandWaiting.incrementAndGet();
        inband.submit(() -> finishInband(() -> QmpMessages.error(QmpError.GENERIC_ERROR, desc, null)));
    }

    /** Sends a reply, then runs the follow-ups its command left (see {@link CallingSession}). */
    private void reply(ObjectNode reply) {
        try {
            if (reply != null) {
                send(server.writer().line(reply));
            }
        } finally {
            CallingSession.runFollowUps();
        }
    }

    /**
     * Ends an in-band task: counts it done and sends its reply in one step under the output
     * lock. The I/O thread runs a command inline only when nothing is counted, so an inline
     * reply can never overtake this one; and counting before the write (not after) means a
     * client that answers at once never finds the lane still busy.
     */
    private void finishInband(Supplier<ObjectNode> task) {
        byte[] line = null;
        try {
            ObjectNode reply = task.get();
            line = reply == null ? null : server.writer().line(reply);
        } finally {
            try {
                outbox.send(line, inbandWaiting::decrementAndGet);
            } finally {
                CallingSession.runFollowUps();
            }
            if (readPaused && inbandWaiting.get() < server.options().maxQueuedCommands()) {
                server.io().execute(this::resumeReading);
            }
            finishIfDone();
        }
    }

    private void resumeReading() {
        if (readPaused) {
            readPaused = false;
            updateInterest();
        }
    }

    /** No more input is read: the server shuts down. */
    void endInput() {
        inputEnded = true;
        updateInterest();
        finishIfDone();
    }

    /** A retired I/O thread runs one of this session's commands; the new one must not read it. */
    @Override
    public void holdElsewhere(boolean held) {
        heldElsewhere = held;
        if (!held) {
            updateInterest();
        }
    }

    @Override
    public boolean heldElsewhere() {
        return heldElsewhere;
    }

    /** Once input has ended, closes the session when all its commands are answered. */
    private void finishIfDone() {
        if (inputEnded && idle()) {
            close(CloseReason.Kind.PEER_CLOSED, "the client closed the connection");
        }
    }

    boolean idle() {
        return inbandWaiting.get() == 0 && oobWaiting.get() == 0 && outbox.isEmpty();
    }

    // ---- output, from any thread

    @Override
    public void sendGreeting() {
        send(server.greeting());
    }

    /** Sends an event's bytes if the session has negotiated; events before that are not for it. */
    void deliver(byte[] event) {
        if (negotiated) {
            send(event);
        }
    }

    void send(byte[] line) {
        outbox.send(line);
    }

    /** On the I/O thread, when the socket takes data again. */
    @Override
    public void onWritable() {
        outbox.flush();
        if (outputPaused && outbox.waiting() < pauseBytes() / 2) {
            outputPaused = false;
        }
        updateInterest();
        finishIfDone();
    }

    private long outputBacklog() {
        return outbox.waiting();
    }

    /**
     * Waiting output above which input is no longer read: a client that sends commands without
     * reading the replies is slowed down, not disconnected. Only output it did not ask for
     * (events) can push it past {@code maxOutputBytes}.
     */
    private long pauseBytes() {
        return Math.min(1L << 20, server.options().maxOutputBytes() / 4);
    }

    @Override
    public void failed(CloseReason.Kind kind, String detail) {
        if (kind == CloseReason.Kind.IO_ERROR && inputEnded) {
            close(CloseReason.Kind.PEER_CLOSED, "the client closed the connection");
        } else {
            close(kind, detail);
        }
    }

    @Override
    public void waitingChanged() {
        server.io().execute(this::updateInterest);
    }

    /** On the I/O thread: watch for input unless paused, ended or held; for output while queued. */
    @Override
    public void updateInterest() {
        SelectionKey k = key;
        if (k == null || !k.isValid()) {
            return;
        }
        boolean writing = !outbox.isEmpty();
        int ops = (readPaused || outputPaused || inputEnded || heldElsewhere ? 0 : SelectionKey.OP_READ)
                | (writing ? SelectionKey.OP_WRITE : 0);
        try {
            if (k.interestOps() != ops) {
                k.interestOps(ops);
            }
        } catch (CancelledKeyException closedMeanwhile) {
            // nothing to do for a closed session
        }
    }

    boolean isClosed() {
        return outbox.isClosed();
    }

    @Override
    public void close(CloseReason.Kind kind, String detail) {
        if (!outbox.close()) {
            return;
        }
        cancelDeadline();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
        server.closed(this, new CloseReason(kind, detail));
    }
}
