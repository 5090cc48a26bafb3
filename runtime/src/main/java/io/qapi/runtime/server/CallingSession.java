package io.qapi.runtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session whose command runs on the current thread, for the few commands whose effect
 * depends on the connection they came over: QEMU's {@code getfd} and {@code add-fd} take the
 * descriptor that arrived with the command's bytes on that monitor's socket. The server sets it
 * around each command handler; outside a handler it is empty.
 *
 * <p>It also carries a command's follow-ups: what the command does only once its reply is on
 * its way, as QEMU's {@code quit} says SHUTDOWN after its reply, and an unplug finished within
 * {@code device_del} says DEVICE_DELETED after it. The session runs them right after it has
 * queued the reply, so any event they send is queued behind the reply on that session.
 */
public final class CallingSession {
    private static final ThreadLocal<String> PEER = new ThreadLocal<>();
    private static final ThreadLocal<List<Runnable>> FOLLOW_UPS = new ThreadLocal<>();

    private CallingSession() {}

    /**
     * Where the session running the current command connected ({@code unix:PATH} for a unix
     * socket, by the path the server listens on; {@code tcp:HOST:PORT}); empty outside a command.
     */
    public static Optional<String> peer() {
        return Optional.ofNullable(PEER.get());
    }

    /**
     * Runs {@code action} once the current command's reply has been queued on its session; outside
     * a command (or when the command's reply is never sent) it runs at once. It runs on the thread
     * that answered, so it must not block for long: start a thread of its own for that.
     */
    public static void afterReply(Runnable action) {
        if (PEER.get() == null) {
            action.run();
            return;
        }
        List<Runnable> pending = FOLLOW_UPS.get();
        if (pending == null) {
            pending = new ArrayList<>();
            FOLLOW_UPS.set(pending);
        }
        pending.add(action);
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

    /**
     * Runs, in order, the follow-ups that the commands answered on this thread registered; the
     * session calls it once the reply is queued (or dropped). A failing follow-up does not keep
     * the others from running.
     */
    static void runFollowUps() {
        List<Runnable> pending = FOLLOW_UPS.get();
        if (pending == null) {
            return;
        }
        FOLLOW_UPS.remove();
        RuntimeException first = null;
        for (Runnable action : pending) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
