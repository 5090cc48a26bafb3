package io.qapi.runtime.client;

import io.qapi.runtime.internal.LazyLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread that reads for every client of the process, and writes what their sockets
 * did not take at once: a selector over their sockets. With many connections busy, it takes
 * several replies per wake-up instead of waking one reading thread per reply, which is most of
 * what a round trip costs on a small machine. Reading, parsing and writing never block;
 * everything a reply may set off runs elsewhere (callers' continuations, event listeners on
 * their own thread). A transport whose channels come from another {@link SelectorProvider}
 * gets a reactor of its own.
 */
final class ClientReactor implements Runnable {
    private static final System.Logger LOG = LazyLogger.of(ClientReactor.class);
    private static final Map<SelectorProvider, ClientReactor> BY_PROVIDER = new ConcurrentHashMap<>();

    /** What the reactor serves on one socket. */
    private record Connection(ClientReader reader, WriteQueue writes, QmpClient client) {}

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    private ClientReactor(SelectorProvider provider) {
        try {
            selector = provider.openSelector();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean jdk = provider == SelectorProvider.provider();
        Thread thread = new Thread(
                this,
                jdk ? "qmp-client-io" : "qmp-client-io-" + provider.getClass().getSimpleName());
        thread.setDaemon(true);
        thread.start();
    }

    /** The reactor for channels of {@code channel}'s provider. */
    static ClientReactor of(SocketChannel channel) {
        return BY_PROVIDER.computeIfAbsent(channel.provider(), ClientReactor::new);
    }

    /** Serves {@code channel} (non-blocking from now on): reads for {@code reader}, flushes {@code writes}. */
    void register(SocketChannel channel, ClientReader reader, WriteQueue writes, QmpClient client) throws IOException {
        channel.configureBlocking(false);
        run(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, new Connection(reader, writes, client));
            } catch (ClosedChannelException closedAlready) {
                reader.failed(closedAlready);
            }
        });
    }

    /**
     * Flushes {@code channel}'s write queue when the socket has room. Runs after the
     * registration, since tasks run in order.
     */
    void wantWritable(SocketChannel channel) {
        run(() -> {
            SelectionKey key = channel.keyFor(selector);
            if (key != null && key.isValid()) {
                key.interestOpsOr(SelectionKey.OP_WRITE);
            }
        });
    }

    private void run(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    @Override
    public void run() {
        while (true) {
            try {
                selector.select(this::ready);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "QMP client I/O", e);
            }
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
            }
        }
    }

    private void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        try {
            if (key.isValid() && key.isWritable() && !connection.writes().flush()) {
                key.interestOpsAnd(~SelectionKey.OP_WRITE);
            }
            if (key.isValid() && key.isReadable() && !connection.reader().readAvailable(buffer)) {
                key.cancel();
            }
        } catch (CancelledKeyException closedMeanwhile) {
            // the client closed its connection
        } catch (IOException e) {
            key.cancel();
            connection.client().lost("writing failed: " + e, e);
        } catch (RuntimeException e) {
            key.cancel();
            connection.reader().failed(e);
        }
    }
}
