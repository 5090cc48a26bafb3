package io.qapi.runtime.server;

/**
 * What a server does when a client's input meets a {@code crash} compat policy
 * ({@code -compat deprecated-input=crash}), where QEMU calls {@code abort()}. A library must not
 * end the process it lives in on its own, so the default, {@link #END_SESSION}, ends only the
 * session that sent the input; a program that stands for QEMU installs a handler that ends the
 * process as QEMU does.
 */
@FunctionalInterface
public interface CompatCrashHandler {

    /**
     * The library's default: nothing beyond what the server always does, which is to log the
     * input at error level and close the session without a reply.
     */
    CompatCrashHandler END_SESSION = (session, what) -> {};

    /**
     * Called on the thread that checked the input, before the session is closed.
     *
     * @param session the session's number, as {@link SessionListener} gives it
     * @param what    the input and the policy, e.g. {@code Deprecated command old-cmd is used
     *                under deprecated-input=crash}
     */
    void crashed(long session, String what);
}
