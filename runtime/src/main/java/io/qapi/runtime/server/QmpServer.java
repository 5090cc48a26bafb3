package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.EventSink;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.protocol.Timestamp;
import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A QMP server: listens on unix sockets and TCP, greets each connection, negotiates, and runs
 * the commands of a table such as a generated {@code Dispatcher.commands(server)} returns,
 * with QEMU's wire format and error replies. Events sent through {@link #emit} go to every
 * session that has negotiated, rate limited as QEMU limits them ({@link EventThrottle}).
 * A connection must negotiate within a timeout, and connections waiting for negotiation are
 * bounded apart from negotiated sessions, so idle connections cannot lock clients out
 * ({@link ServerOptions}).
 * <p>
 * Threads: one I/O thread reads, parses and writes for all sessions; commands run on a pool.
 * Each session runs its in-band commands in order and its out-of-band ones in order on a
 * second lane, so out-of-band commands overtake; a slow command holds up only its own session.
 * <pre>{@code
 * QmpServer server = new QmpServer(Dispatcher.of(vm), options); // + query-commands, qmp_capabilities
 * vm.attach(EventEmitter.over(server));                         // events go to every client
 * server.listen(Endpoint.unix(socket));                         // mode 0600
 * }</pre>
 */
public final class QmpServer implements EventSink, AutoCloseable {
    private final ServerContext context;
    private final IoLoop io;
    private final List<Listening> listening = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private record Listening(ServerSocketChannel channel, Endpoint endpoint) {}

    public QmpServer(List<Command> commands) {
        this(commands, ServerOptions.defaults());
    }

    public QmpServer(List<Command> commands, ServerOptions options) {
        this.io = new IoLoop("qmp-io");
        this.context = new ServerContext(commands, options, io, LazyLogger.of(QmpServer.class));
        io.start(context::open);
    }

    /**
     * Starts listening. A unix socket gets mode 0600; for TCP, name the loopback address unless
     * other hosts must reach the server ({@link Endpoint#loopback(int)}). Port 0 picks a free
     * port. Returns where the server actually listens.
     */
    public Endpoint listen(Endpoint endpoint) throws IOException {
        return listen(endpoint, false);
    }

    /**
     * Starts listening for connections that only the application itself makes, such as a
     * monitor on standard input and output relayed through a private socket: they may take as
     * long as they like to negotiate and are never crowded out by other waiting connections,
     * since a person may be typing. Returns where the server actually listens.
     */
    public Endpoint listenForOwnClients(Endpoint endpoint) throws IOException {
        return listen(endpoint, true);
    }

    private Endpoint listen(Endpoint endpoint, boolean ownClients) throws IOException {
        if (closed) {
            throw new IllegalStateException("server closed");
        }
        ServerSocketChannel channel = Sockets.listen(endpoint);
        Endpoint bound = endpoint;
        if (endpoint instanceof Endpoint.Tcp && channel.getLocalAddress() instanceof InetSocketAddress inet) {
            bound = Endpoint.tcp(inet.getAddress().getHostAddress(), inet.getPort());
        }
        listening.add(new Listening(channel, bound));
        io.listen(channel, ownClients, bound instanceof Endpoint.Unix unix ? "unix:" + unix.path() : null);
        return bound;
    }

    /** Where the server listens. */
    public List<Endpoint> endpoints() {
        return listening.stream().map(Listening::endpoint).toList();
    }

    /** Open connections, negotiated or not. */
    public int sessionCount() {
        return context.sessions().size();
    }

    /**
     * Sends an event, stamped now, to every negotiated session: at once, or, for an event the
     * options' {@link EventThrottle} limits, when its interval ends (replaced by any later one).
     */
    @Override
    public void emit(String name, ObjectNode data) {
        emit(name, data, List.of());
    }

    /**
     * Sends an event whose schema features are known, so that the compat policy can hide it
     * even when the server has no schema.
     */
    public void emit(String name, JsonNode data, List<String> features) {
        SchemaPolicy policy = context.router().schemaPolicy();
        if (context.options().compat().hides(features) || (policy != null && policy.hidesEvent(name))) {
            return;
        }
        JsonNode sent = policy != null ? policy.filterEventData(name, data) : data;
        byte[] line = context.writer().line(QmpMessages.event(name, sent, Timestamp.now()));
        context.emit(name, sent, line);
    }

    /** Shuts down, letting running commands finish for the configured time. */
    @Override
    public void close() {
        shutdown(context.options().shutdownTimeout());
    }

    /**
     * Stops accepting and reading, lets commands already received finish and their replies go
     * out, for at most {@code timeout}, then closes every session and stops the threads.
     * Returns whether everything finished in time.
     */
    public boolean shutdown(Duration timeout) {
        if (closed) {
            return true;
        }
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        closeListeners();
        // Runs after whatever command the I/O thread is in, so that command counts as received.
        CountDownLatch inputEnded = new CountDownLatch(1);
        io.execute(() -> {
            context.sessions().forEach(Session::endInput);
            inputEnded.countDown();
        });
        boolean drained;
        try {
            drained = inputEnded.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    && awaitIdle(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        context.sessions().forEach(s -> s.close(CloseReason.Kind.SERVER_SHUTDOWN, "the server shut down"));
        io.stop();
        context.timer().shutdownNow(); // events waiting for their interval are not sent any more
        context.pool().shutdown();
        try {
            io.join(1000);
            if (!context.pool().awaitTermination(1, TimeUnit.SECONDS)) {
                context.pool().shutdownNow(); // commands still running past the deadline are interrupted
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.pool().shutdownNow();
        }
        return drained;
    }

    private boolean awaitIdle(long deadline) {
        while (System.nanoTime() < deadline) {
            if (context.sessions().stream().allMatch(Session::idle)) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void closeListeners() {
        for (Listening l : listening) {
            try {
                l.channel().close();
                if (l.endpoint() instanceof Endpoint.Unix unix) {
                    Files.deleteIfExists(unix.path());
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
