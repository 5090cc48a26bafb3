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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The one thread that reads for every client of the process: a selector over their sockets.
 * With many connections busy, it takes several replies per wake-up instead of waking one
 * reading thread per reply, which is most of what a round trip costs on a small machine.
 * Reading and parsing a reply takes microseconds and never blocks; everything a reply may set
 * off runs elsewhere (callers' continuations, event listeners on their own thread).
 */
final class ClientReactor implements Runnable {
    private static final System.Logger LOG = LazyLogger.of(ClientReactor.class);
    private static ClientReactor shared;

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final Thread thread;

    private ClientReactor() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this, "qmp-client-io");
        thread.setDaemon(true);
        thread.start();
    }

    static synchronized ClientReactor get() {
        if (shared == null) {
            shared = new ClientReactor();
        }
        return shared;
    }

    /** Starts reading {@code channel} (non-blocking from now on) for {@code reader}. */
    void register(SocketChannel channel, ClientReader reader) throws IOException {
        channel.configureBlocking(false);
        tasks.add(() -> {
            try {
                channel.register(selector, SelectionKey.OP_READ, reader);
            } catch (ClosedChannelException closedAlready) {
                reader.failed(closedAlready);
            }
        });
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
        ClientReader reader = (ClientReader) key.attachment();
        try {
            if (key.isValid() && key.isReadable() && !reader.readAvailable(buffer)) {
                key.cancel();
            }
        } catch (CancelledKeyException closedMeanwhile) {
            // the client closed its connection
        } catch (RuntimeException e) {
            key.cancel();
            reader.failed(e);
        }
    }
}
