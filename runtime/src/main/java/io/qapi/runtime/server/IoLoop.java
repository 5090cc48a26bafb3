package io.qapi.runtime.server;

import io.qapi.runtime.internal.LazyLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's I/O loop: one thread at a time runs a selector over the listening sockets and
 * every session. It accepts, reads, parses, runs commands that have proven quick, and finishes
 * writes the socket could not take at once. One thread suffices because that work is small per
 * message and never blocks; parsing on one thread also keeps each session's input in order
 * without locks.
 * <p>
 * A quick command can still turn slow. A watchdog checks every few milliseconds; when the loop
 * thread has been inside one command for longer than {@link #TAKEOVER_NANOS}, a new thread
 * takes over the loop, and the old one retires once its command returns. The session whose
 * command it runs is not read by the new thread until then, so its input stays in order.
 */
final class IoLoop {
    static final long TAKEOVER_NANOS = 10_000_000;
    private static final long POLL_NANOS = 50_000;
    private static final System.Logger LOG = LazyLogger.of(IoLoop.class);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "qmp-io-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final SelectionKey[] NONE = new SelectionKey[0];

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final String name;
    private final AtomicInteger threads = new AtomicInteger();
    private volatile Thread owner;
    private volatile boolean running = true;
    private volatile long inlineSince;
    private volatile long lastInline;
    private volatile Connection inlineConnection;
    private volatile ScheduledFuture<?> watchdog;
    private Acceptor acceptor;

    /** Makes a connection's session of an accepted socket, or refuses it (null). */
    @FunctionalInterface
    interface Acceptor {
        Connection open(SocketChannel channel, String peer, boolean trusted);
    }

    /**
     * A client connection as the loop drives it: told when its socket can be read or written,
     * and held while a retired loop thread still runs one of its commands. The loop knows nothing
     * else of sessions, so that it sits below them.
     */
    interface Connection {
        /** The session's number, for the log. */
        long id();

        /** Its key in the loop's selector, once registered. */
        void attach(SelectionKey key);

        void sendGreeting();

        /** Reads what the socket has, using {@code buffer}. */
        void onReadable(ByteBuffer buffer);

        void onWritable();

        /** Whether a retired loop thread still runs one of its commands (then it is not read). */
        boolean heldElsewhere();

        void holdElsewhere(boolean held);

        /** Sets the selector interest the connection's state asks for. */
        void updateInterest();

        void close(CloseReason.Kind kind, String detail);
    }

    /**
     * A listening socket, whether its clients are the application's own, and for a unix socket
     * the name its clients are known by ({@code unix:PATH}, the path the socket was asked for: it
     * is bound elsewhere and moved there), else null.
     */
    private record Listener(ServerSocketChannel channel, boolean trusted, String unixName) {}

    IoLoop(String name) {
        this.name = name;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(Acceptor acceptor) {
        this.acceptor = acceptor;
        spawn();
        watch();
    }

    /**
     * The watchdog looks every 5 ms while commands run inline, and every 50 ms after a second
     * without any, so that an idle server costs next to nothing.
     */
    private void watch() {
        if (!running) {
            return;
        }
        long delay = System.nanoTime() - lastInline < 1_000_000_000L ? 5 : 50;
        watchdog = WATCHDOG.schedule(
                () -> {
                    check();
                    watch();
                },
                delay,
                TimeUnit.MILLISECONDS);
    }

    private void spawn() {
        Thread thread = new Thread(this::loop, name + "-" + threads.incrementAndGet());
        thread.setDaemon(true);
        owner = thread;
        thread.start();
    }

    /** Runs {@code task} on the loop thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        if (Thread.currentThread() != owner) {
            selector.wakeup();
        }
    }

    /** Runs one of {@code connection}'s commands on the calling (loop) thread, under the watchdog. */
    void inline(Connection connection, Runnable command) {
        Thread me = Thread.currentThread();
        if (owner != me) {
            command.run(); // a retired loop thread finishing its session's input
            return;
        }
        long start = System.nanoTime();
        inlineConnection = connection;
        inlineSince = start;
        lastInline = start;
        try {
            command.run();
        } finally {
            synchronized (this) {
                if (owner == me) {
                    inlineSince = 0;
                    inlineConnection = null;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (owner != me && millis >= 100) {
                LOG.log(
                        System.Logger.Level.INFO,
                        "a QMP command of session " + connection.id() + " ran " + millis
                                + " ms on the I/O thread, which another thread had taken over meanwhile");
            }
        }
    }

    private void check() {
        if (inlineSince == 0 || System.nanoTime() - inlineSince < TAKEOVER_NANOS) {
            return;
        }
        Connection stuck;
        synchronized (this) {
            stuck = inlineConnection;
            if (!running || inlineSince == 0 || stuck == null) {
                return;
            }
            inlineSince = 0;
            inlineConnection = null;
            stuck.holdElsewhere(true);
            spawn();
        }
        // Often just preemption on a busy machine; a command that is really slow is logged when it ends.
        LOG.log(
                System.Logger.Level.DEBUG,
                () -> "a QMP command of session " + stuck.id() + " runs for over " + TAKEOVER_NANOS / 1_000_000
                        + " ms on the I/O thread; a new I/O thread takes over");
    }

    void listen(ServerSocketChannel server, boolean trusted, String unixName) {
        execute(() -> {
            try {
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT, new Listener(server, trusted, unixName));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "cannot watch listening socket", e);
            }
        });
    }

    void stop() {
        running = false;
        ScheduledFuture<?> w = watchdog;
        if (w != null) {
            w.cancel(false);
        }
        selector.wakeup();
    }

    void join(long millis) throws InterruptedException {
        Thread thread = owner;
        if (thread != null) {
            thread.join(millis);
        }
    }

    private void loop() {
        Thread me = Thread.currentThread();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        boolean busy = false;
        while (running && owner == me) {
            try {
                if (!busy || !poll()) {
                    selector.select();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "QMP I/O loop", e);
            }
            Set<SelectionKey> selected = selector.selectedKeys();
            SelectionKey[] ready = selected.toArray(NONE);
            selected.clear();
            busy = ready.length > 0;
            for (Runnable task; (task = tasks.poll()) != null; ) {
                run(task);
            }
            for (SelectionKey key : ready) {
                ready(key, buffer);
                if (owner != me) {
                    retire(key);
                    return;
                }
            }
        }
        if (owner == me) {
            try {
                selector.close();
            } catch (IOException ignored) {
                // shutting down
            }
        }
    }

    /**
     * Polls for a short while before sleeping in {@code select()}. A client that waits for each
     * reply sends its next command some tens of microseconds later; a thread that has gone to
     * sleep by then must be woken, and on a virtual machine waking an idle CPU costs as much as
     * the whole round trip. Returns whether something became ready.
     */
    private boolean poll() throws IOException {
        long end = System.nanoTime() + POLL_NANOS;
        do {
            if (selector.selectNow() > 0 || !tasks.isEmpty()) {
                return true;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < end);
        return false;
    }

    /** This thread was replaced while in a command of the key's session: hand the session back. */
    private void retire(SelectionKey key) {
        if (key.attachment() instanceof Connection connection) {
            execute(() -> connection.holdElsewhere(false));
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "QMP I/O task", e);
        }
    }

    private void ready(SelectionKey key, ByteBuffer buffer) {
        try {
            if (key.attachment() instanceof Connection connection) {
                if (key.isWritable()) {
                    connection.onWritable();
                }
                if (connection.heldElsewhere()) {
                    connection.updateInterest(); // no reading until the retiring thread is done with it
                } else if (key.isValid() && key.isReadable()) {
                    connection.onReadable(buffer);
                }
            } else if (key.isValid() && key.isAcceptable()) {
                accept((Listener) key.attachment());
            }
        } catch (CancelledKeyException closedMeanwhile) {
            // the session was closed by another thread
        }
    }

    private void accept(Listener listener) {
        ServerSocketChannel server = listener.channel();
        for (int i = 0; i < 64; i++) {
            SocketChannel channel;
            try {
                channel = server.accept();
                if (channel == null) {
                    return;
                }
                channel.configureBlocking(false);
                if (channel.getRemoteAddress() instanceof InetSocketAddress) {
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
            } catch (ClosedChannelException closing) {
                return; // the server stopped listening while a connection waited
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "accepting a QMP connection", e);
                return;
            }
            register(channel, peer(listener, channel), listener.trusted());
        }
    }

    private void register(SocketChannel channel, String peer, boolean trusted) {
        Connection connection = acceptor.open(channel, peer, trusted);
        if (connection == null) {
            return;
        }
        try {
            connection.attach(channel.register(selector, SelectionKey.OP_READ, connection));
        } catch (IOException e) {
            connection.close(CloseReason.Kind.IO_ERROR, "registering: " + e.getMessage());
            return;
        }
        connection.sendGreeting();
    }

    private static String peer(Listener listener, SocketChannel channel) {
        try {
            if (channel.getRemoteAddress() instanceof InetSocketAddress inet) {
                return "tcp:" + inet.getHostString() + ":" + inet.getPort();
            }
            return listener.unixName() != null
                    ? listener.unixName()
                    : "unix:" + listener.channel().getLocalAddress();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
