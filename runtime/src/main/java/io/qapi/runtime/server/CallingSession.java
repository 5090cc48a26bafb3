package io.qapi.runtime.server;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session whose command runs on the current thread, for the few commands whose effect
 * depends on the connection they came over: QEMU's {@code getfd} and {@code add-fd} take the
 * descriptor that arrived with the command's bytes on that monitor's socket. The server sets it
 * around each command handler; outside a handler it is empty.
 */
public final class CallingSession {
    private static final ThreadLocal<String> PEER = new ThreadLocal<>();

    private CallingSession() {
    }

    /**
     * Where the session running the current command connected ({@code unix:PATH} for a unix
     * socket, by the path the server listens on; {@code tcp:HOST:PORT}); empty outside a command.
     */
    public static Optional<String> peer() {
        return Optional.ofNullable(PEER.get());
    }

    /** Runs {@code call} as the command of the session that connected at {@code peer}. */
    static <T> T during(String peer, Supplier<T> call) {
        String outer = PEER.get();
        PEER.set(peer);
        try {
            return call.get();
        } finally {
            if (outer == null) {
                PEER.remove();
            } else {
                PEER.set(outer);
            }
        }
    }
}
