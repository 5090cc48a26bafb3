package io.qapi.runtime.server;

/**
 * Why a server ended a session.
 *
 * @param kind   the cause
 * @param detail words for a log
 */
public record CloseReason(Kind kind, String detail) {

    /** The causes. */
    public enum Kind {
        /** The client closed its end (or its process ended). */
        PEER_CLOSED,
        /** Reading or writing failed. */
        IO_ERROR,
        /** The client did not read its replies and events; more were waiting than allowed. */
        OUTPUT_BACKLOG,
        /** More sessions were open than allowed. */
        TOO_MANY_SESSIONS,
        /** The client did not negotiate within the negotiation timeout. */
        NEGOTIATION_TIMEOUT,
        /**
         * The client had not negotiated yet when the most connections allowed to wait for
         * negotiation were waiting and another arrived; the oldest waiting one makes room.
         */
        NEGOTIATION_CROWDED_OUT,
        /** The client sent input that a {@code crash} compat policy forbids. */
        COMPAT_CRASH,
        /** The server shut down. */
        SERVER_SHUTDOWN
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
