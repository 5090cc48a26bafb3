package io.qapi.runtime.server;

/**
 * Whoever sent a request, as command routing sees it: whether it has negotiated and asked for
 * out-of-band execution, and how to end it. Sessions implement it; routing and negotiation know
 * nothing else of them, so that they sit below sessions.
 */
interface Requester {
    /** The session's number, for the log and the crash handler. */
    long id();

    /** Where it connected from ({@code unix:PATH}, {@code tcp:HOST:PORT}). */
    String peer();

    boolean negotiated();

    boolean oobEnabled();

    /**
     * Ends negotiation, with out-of-band execution if {@code oob}; false when the session was
     * closed meanwhile or the server has no room for it (then it is closed).
     */
    boolean negotiate(boolean oob);

    void close(CloseReason.Kind kind, String detail);
}
