package io.qapi.runtime.client;

/**
 * Receives events pushed by a {@link QmpClient}, one at a time, on the client's event thread
 * (never on the thread reading the socket, so a slow listener delays only events).
 *
 * @param <E> the event's type
 */
@FunctionalInterface
public interface EventListener<E> {

    void onEvent(E event);

    /** Events were dropped here because this listener fell behind. */
    default void onOverflow(long dropped) {
        System.getLogger(EventListener.class.getName())
                .log(System.Logger.Level.WARNING, dropped + " QMP event(s) dropped: the listener fell behind");
    }

    /** An event could not be decoded into its type. */
    default void onError(RuntimeException error) {
        System.getLogger(EventListener.class.getName())
                .log(System.Logger.Level.WARNING, "QMP event not decoded", error);
    }

    /** No more events will come: the connection ended or the subscription was closed. */
    default void onEnd(Throwable cause) {}
}
