package io.qapi.runtime.server;

/** Told when sessions start and end; called on the server's threads, so it must be quick. */
public interface SessionListener {

    SessionListener NONE = new SessionListener() {};

    /**
     * A session has started.
     *
     * @param peer the client's address, or the socket path for unix sockets
     */
    default void opened(long session, String peer) {}

    default void closed(long session, String peer, CloseReason reason) {}
}
