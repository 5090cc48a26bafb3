package io.qapi.runtime.server;

import io.qapi.runtime.internal.LazyLogger;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one after another, in submission order, on a shared pool: a session's in-band
 * commands are such a lane, and its out-of-band commands another, so out-of-band ones overtake
 * queued in-band ones while each kind keeps its order. A lane holds a pool thread only while it
 * has work, and gives it back after a batch, so that a client pipelining thousands of commands
 * does not starve the others.
 */
final class SerialLane implements Runnable {
    private static final int BATCH = 64;
    private static final System.Logger LOG = LazyLogger.of(SerialLane.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    SerialLane(Executor pool) {
        this.pool = pool;
    }

    void submit(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            pool.execute(this);
        }
    }

    /** Tasks submitted and not finished, the running one included. */
    int pending() {
        return pending.get();
    }

    @Override
    public void run() {
        for (int i = 0; ; i++) {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "QMP task failed", e);
            }
            if (pending.decrementAndGet() == 0) {
                return;
            }
            if (i >= BATCH && yielded()) {
                return;
            }
        }
    }

    /** Gives the thread back, the rest of the lane going to the end of the pool's line. */
    private boolean yielded() {
        try {
            pool.execute(this);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false; // finish here instead
        }
    }
}
