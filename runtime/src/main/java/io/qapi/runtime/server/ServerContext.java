package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.Greeting;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the sessions of one server share: options, command routing, threads, the session table,
 * and admission. Connections that have not negotiated are kept apart from negotiated sessions:
 * at most {@code maxUnnegotiated} of them (a new one crowds out the oldest), each for at most
 * {@code negotiationTimeout}, so that connections which never negotiate cannot hold the places
 * of clients that do. {@code maxSessions} bounds the negotiated sessions.
 */
final class ServerContext implements Session.Host {
    /** The server's logger (the public class's: it is the one users configure). */
    private final System.Logger log;

    private final ServerOptions options;
    private final RequestRouter router;
    private final JsonWriter writer;
    private final ThreadPoolExecutor pool;
    private final IoLoop io;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledThreadPoolExecutor timer;
    private final EventLimiter events;
    /** Connections waiting for negotiation, oldest first; guarded by itself, as is {@link #admitted}. */
    private final LinkedHashMap<Long, Session> unnegotiated = new LinkedHashMap<>();

    private final Set<Long> admitted = new HashSet<>();
    /** The application's own connections waiting for negotiation, with no deadline nor limit. */
    private final Set<Long> trustedWaiting = new HashSet<>();

    ServerContext(List<Command> commands, ServerOptions options, IoLoop io, System.Logger log) {
        this.options = options;
        this.log = log;
        this.router = new RequestRouter(commands, options);
        this.writer = new JsonWriter(options.keyOrder());
        this.io = io;
        this.pool = workerPool(options.workers());
        this.timer = newTimer();
        this.events = new EventLimiter(options.eventThrottle(), timer, this::deliver);
    }

    /** One thread for negotiation deadlines and the ends of event intervals. */
    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "qmp-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true); // a negotiated session's deadline goes at once
        return timer;
    }

    /**
     * Workers: a few kept alive, more started while all are busy, so a command that blocks
     * never holds up another session. Their number stays below two per session (one in-band
     * and one out-of-band lane each), and sessions are bounded by {@code maxSessions}.
     */
    private static ThreadPoolExecutor workerPool(int core) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                core, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "qmp-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }

    @Override
    public ServerOptions options() {
        return options;
    }

    @Override
    public RequestRouter router() {
        return router;
    }

    @Override
    public JsonWriter writer() {
        return writer;
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }

    @Override
    public IoLoop io() {
        return io;
    }

    @Override
    public ScheduledThreadPoolExecutor timer() {
        return timer;
    }

    Collection<Session> sessions() {
        return sessions.values();
    }

    /** Sends an event's line to every negotiated session, now or, if it is throttled, later. */
    void emit(String name, JsonNode data, byte[] line) {
        events.offer(name, data, line);
    }

    private void deliver(byte[] line) {
        for (Session session : sessions.values()) {
            session.deliver(line);
        }
    }

    /**
     * A new session for an accepted connection, or null when the negotiated sessions are at
     * their limit. When as many connections as allowed wait for negotiation, the oldest of them
     * is closed to make room. A trusted connection (the application's own) waits apart, without
     * a deadline.
     */
    Session open(SocketChannel channel, String peer, boolean trusted) {
        Session session = new Session(ids.incrementAndGet(), peer, channel, this);
        Session crowdedOut = null;
        synchronized (unnegotiated) {
            if (admitted.size() >= options.maxSessions()) {
                int open = admitted.size();
                session.close(CloseReason.Kind.TOO_MANY_SESSIONS, "already " + open + " sessions");
                return null;
            }
            if (trusted) {
                trustedWaiting.add(session.id());
            } else {
                if (unnegotiated.size() >= options.maxUnnegotiated()) {
                    Iterator<Session> oldest = unnegotiated.values().iterator();
                    crowdedOut = oldest.next();
                    oldest.remove();
                }
                unnegotiated.put(session.id(), session);
            }
        }
        if (crowdedOut != null) {
            crowdedOut.close(
                    CloseReason.Kind.NEGOTIATION_CROWDED_OUT,
                    options.maxUnnegotiated() + " connections were waiting for negotiation when another came");
        }
        sessions.put(session.id(), session);
        options.listener().opened(session.id(), peer);
        if (!trusted) {
            session.expireAfter(options.negotiationTimeout());
        }
        return session;
    }

    /**
     * Lets {@code session}, which has just negotiated, join the negotiated sessions; false when
     * it was closed meanwhile or they are at their limit (then it is closed).
     */
    @Override
    public boolean admit(Session session) {
        synchronized (unnegotiated) {
            if (unnegotiated.remove(session.id()) == null && !trustedWaiting.remove(session.id())) {
                return false; // crowded out or timed out while it negotiated
            }
            if (admitted.size() < options.maxSessions()) {
                admitted.add(session.id());
                return true;
            }
        }
        session.close(CloseReason.Kind.TOO_MANY_SESSIONS, "already " + options.maxSessions() + " sessions");
        return false;
    }

    /** Closes {@code session} if it is still waiting for negotiation after {@code timeout}. */
    @Override
    public void expire(Session session, Duration timeout) {
        synchronized (unnegotiated) {
            if (unnegotiated.remove(session.id()) == null) {
                return; // negotiated (or closed) meanwhile
            }
        }
        session.close(CloseReason.Kind.NEGOTIATION_TIMEOUT, "no qmp_capabilities within " + timeout.toMillis() + " ms");
    }

    @Override
    public void closed(Session session, CloseReason reason) {
        sessions.remove(session.id());
        synchronized (unnegotiated) {
            unnegotiated.remove(session.id());
            trustedWaiting.remove(session.id());
            admitted.remove(session.id());
        }
        System.Logger.Level level = switch (reason.kind()) {
            case OUTPUT_BACKLOG -> System.Logger.Level.WARNING; // a client that stopped reading: worth knowing
            default -> System.Logger.Level.DEBUG;
        };
        log.log(level, () -> "QMP session " + session.id() + " (" + session.peer() + ") closed: " + reason);
        Runnable tell = () -> options.listener().closed(session.id(), session.peer(), reason);
        try {
            pool.execute(tell); // not under the session's locks
        } catch (RejectedExecutionException shutDown) {
            tell.run();
        }
    }

    /**
     * The greeting, with the version the options give, or else what {@code query-version} (the
     * table's, or the server's own) returns, or else this library's version; never a made-up
     * {@code 0.0.0}.
     */
    @Override
    public byte[] greeting() {
        List<String> capabilities = options.offerOob() ? List.of(Greeting.OOB) : List.of();
        return writer.line(new Greeting(version(), capabilities).toJson());
    }

    private JsonNode version() {
        if (options.version() != null) {
            return options.version();
        }
        Command query = router.command("query-version");
        if (query != null) {
            try {
                JsonNode version = query.handler().run(Json.object(), Input.STRICT);
                if (version instanceof ObjectNode) {
                    return version;
                }
            } catch (RuntimeException e) {
                log.log(
                        System.Logger.Level.WARNING,
                        "query-version failed; the greeting carries the library's version",
                        e);
            }
        }
        return ServerVersion.library();
    }
}
