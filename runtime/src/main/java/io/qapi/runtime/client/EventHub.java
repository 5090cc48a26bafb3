package io.qapi.runtime.client;

import io.qapi.runtime.protocol.QmpEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A client's event subscriptions. Events are offered to each from the reading thread; pushed
 * ones are delivered on one event thread per client, started with the first listener.
 */
final class EventHub {
    private final List<EventSubscription<?>> subscriptions = new CopyOnWriteArrayList<>();
    private final String name;
    private ExecutorService listenerThread;
    private Throwable ended;

    EventHub(String name) {
        this.name = name;
    }

    void publish(QmpEvent event) {
        for (EventSubscription<?> subscription : subscriptions) {
            subscription.offer(event);
        }
    }

    /** Adds a subscription; if the connection already ended, the subscription ends at once. */
    <E> EventSubscription<E> add(EventSubscription<E> subscription) {
        Throwable cause;
        synchronized (this) {
            cause = ended;
            if (cause == null) {
                subscriptions.add(subscription);
            }
        }
        if (cause != null) {
            subscription.end(cause);
        }
        return subscription;
    }

    void remove(EventSubscription<?> subscription) {
        subscriptions.remove(subscription);
    }

    synchronized ExecutorService listenerThread() {
        if (listenerThread == null) {
            listenerThread = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "qmp-events-" + name);
                thread.setDaemon(true);
                return thread;
            });
        }
        return listenerThread;
    }

    void end(Throwable cause) {
        ExecutorService thread;
        synchronized (this) {
            if (ended != null) {
                return;
            }
            ended = cause;
            thread = listenerThread;
        }
        for (EventSubscription<?> subscription : subscriptions) {
            subscription.end(cause);
        }
        subscriptions.clear();
        if (thread != null) {
            thread.shutdown(); // after the end has been delivered to every listener
        }
    }
}
