package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.protocol.Greeting;
import java.nio.channels.SocketChannel;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the sessions of one server share: options, command routing, threads, the session table. */
final class ServerContext {
    private static final System.Logger LOG = LazyLogger.of(QmpServer.class);

    private final ServerOptions options;
    private final RequestRouter router;
    private final JsonWriter writer;
    private final ThreadPoolExecutor pool;
    private final IoLoop io;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    ServerContext(List<Command> commands, ServerOptions options, IoLoop io) {
        this.options = options;
        this.router = new RequestRouter(commands, options);
        this.writer = new JsonWriter(options.keyOrder());
        this.io = io;
        this.pool = workerPool(options.workers());
    }

    /**
     * Workers: a few kept alive, more started while all are busy, so a command that blocks
     * never holds up another session. Their number stays below two per session (one in-band
     * and one out-of-band lane each), and sessions are bounded by {@code maxSessions}.
     */
    private static ThreadPoolExecutor workerPool(int core) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(core, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), task -> {
                    Thread thread = new Thread(task, "qmp-worker-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.prestartAllCoreThreads();
        return pool;
    }

    ServerOptions options() {
        return options;
    }

    RequestRouter router() {
        return router;
    }

    JsonWriter writer() {
        return writer;
    }

    ThreadPoolExecutor pool() {
        return pool;
    }

    IoLoop io() {
        return io;
    }

    Collection<Session> sessions() {
        return sessions.values();
    }

    /** A new session for an accepted connection, or null when there are too many already. */
    Session open(SocketChannel channel, String peer) {
        Session session = new Session(ids.incrementAndGet(), peer, channel, this);
        if (sessions.size() >= options.maxSessions()) {
            session.close(CloseReason.Kind.TOO_MANY_SESSIONS, "already " + sessions.size() + " sessions");
            return null;
        }
        sessions.put(session.id, session);
        options.listener().opened(session.id, peer);
        return session;
    }

    void closed(Session session, CloseReason reason) {
        sessions.remove(session.id);
        LOG.log(System.Logger.Level.DEBUG, () -> "QMP session " + session.id + " (" + session.peer + ") closed: " + reason);
        Runnable tell = () -> options.listener().closed(session.id, session.peer, reason);
        try {
            pool.execute(tell); // not under the session's locks
        } catch (RejectedExecutionException shutDown) {
            tell.run();
        }
    }

    /** The greeting, with the version the options give or else {@code query-version} returns. */
    byte[] greeting() {
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
                LOG.log(System.Logger.Level.WARNING, "query-version failed; greeting without a version", e);
            }
        }
        return Greeting.version(0, 0, 0, "");
    }
}
