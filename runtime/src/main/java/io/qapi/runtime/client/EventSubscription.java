package io.qapi.runtime.client;

import io.qapi.runtime.protocol.QmpEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Events of one kind (or all events) that pass a filter, buffered for one subscriber. The
 * buffer is bounded: when it is full, newer events are dropped and the subscriber is told,
 * once and at the place of the gap, by {@link EventOverflowException} (or
 * {@link EventListener#onOverflow}). Pull events with {@link #next}, or have them pushed to an
 * {@link EventListener}. Close the subscription when done. Thread-safe.
 *
 * @param <E> the event's type: a generated event record, or {@link QmpEvent} for raw events
 */
public final class EventSubscription<E> implements AutoCloseable {

    private record Overflow(long dropped) {}

    private record Failure(RuntimeException error) {}

    private final EventHub hub;
    private final String name;
    private final Function<QmpEvent, E> decode;
    private final Predicate<? super E> filter;
    private final int capacity;
    private final EventListener<? super E> listener;
    private final Executor listenerThread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long dropped;
    private Throwable ended;
    private boolean draining;
    private boolean endDelivered;

    EventSubscription(
            EventHub hub,
            String name,
            Function<QmpEvent, E> decode,
            Predicate<? super E> filter,
            int capacity,
            EventListener<? super E> listener,
            Executor listenerThread) {
        this.hub = hub;
        this.name = name;
        this.decode = decode;
        this.filter = filter;
        this.capacity = capacity;
        this.listener = listener;
        this.listenerThread = listenerThread;
    }

    /** On the reading thread: decodes, filters and buffers one event. */
    void offer(QmpEvent event) {
        if (name != null && !name.equals(event.name())) {
            return;
        }
        Object item;
        try {
            E value = decode.apply(event);
            if (!filter.test(value)) {
                return;
            }
            item = value;
        } catch (RuntimeException e) {
            item = new Failure(e); // reported to the subscriber, not lost
        }
        lock.lock();
        try {
            if (ended != null) {
                return;
            }
            if (queue.size() >= capacity) {
                dropped++;
                return;
            }
            if (dropped > 0) {
                queue.add(new Overflow(dropped));
                dropped = 0;
            }
            queue.add(item);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        drainToListener();
    }

    /** No more events: the connection ended or the subscription was closed. */
    void end(Throwable cause) {
        lock.lock();
        try {
            if (ended != null) {
                return;
            }
            ended = cause;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        drainToListener();
    }

    /**
     * The next event, waiting at most {@code timeout}.
     *
     * @throws EventOverflowException where events were dropped
     * @throws TimeoutException       when none came in time
     * @throws QmpConnectionException when the connection ended and no event is left
     */
    @SuppressWarnings("unchecked")
    public E next(Duration timeout) throws InterruptedException, TimeoutException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (dropped > 0) {
                    throw overflowNow();
                }
                if (ended != null) {
                    throw endedError();
                }
                if (left <= 0) {
                    throw new TimeoutException(
                            "no " + (name != null ? name : "matching") + " event within " + timeout.toMillis() + " ms");
                }
                left = arrived.awaitNanos(left);
            }
            return (E) unwrap(queue.poll());
        } finally {
            lock.unlock();
        }
    }

    /** The next event if one is buffered, else null; throws as {@link #next} does. */
    @SuppressWarnings("unchecked")
    public E poll() {
        lock.lock();
        try {
            if (queue.isEmpty()) {
                if (dropped > 0) {
                    throw overflowNow();
                }
                return null;
            }
            return (E) unwrap(queue.poll());
        } finally {
            lock.unlock();
        }
    }

    /** Buffered events. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        hub.remove(this);
        end(new IllegalStateException("subscription closed"));
    }

    private EventOverflowException overflowNow() {
        long count = dropped;
        dropped = 0;
        return new EventOverflowException(count);
    }

    private RuntimeException endedError() {
        if (ended instanceof QmpConnectionException e) {
            return new QmpConnectionException(e.getMessage(), e);
        }
        return new IllegalStateException("subscription closed", ended);
    }

    private static Object unwrap(Object item) {
        if (item instanceof Overflow overflow) {
            throw new EventOverflowException(overflow.dropped());
        }
        if (item instanceof Failure failure) {
            throw failure.error();
        }
        return item;
    }

    // ---- push delivery

    private void drainToListener() {
        if (listener == null) {
            return;
        }
        lock.lock();
        try {
            if (draining) {
                return;
            }
            draining = true;
        } finally {
            lock.unlock();
        }
        listenerThread.execute(this::deliver);
    }

    @SuppressWarnings("unchecked")
    private void deliver() {
        while (true) {
            Object item;
            Throwable end;
            lock.lock();
            try {
                item = queue.poll();
                if (item == null && dropped > 0) {
                    item = new Overflow(dropped);
                    dropped = 0;
                }
                end = ended;
                if (item == null) {
                    draining = false;
                    if (end == null || endDelivered) {
                        return;
                    }
                    endDelivered = true;
                }
            } finally {
                lock.unlock();
            }
            try {
                if (item == null) {
                    listener.onEnd(end);
                    return;
                }
                if (item instanceof Overflow overflow) {
                    listener.onOverflow(overflow.dropped());
                } else if (item instanceof Failure failure) {
                    listener.onError(failure.error());
                } else {
                    listener.onEvent((E) item);
                }
            } catch (RuntimeException e) {
                System.getLogger(EventSubscription.class.getName())
                        .log(System.Logger.Level.WARNING, "QMP event listener failed", e);
            }
        }
    }
}
