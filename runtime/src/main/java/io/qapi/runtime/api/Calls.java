package io.qapi.runtime.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Helpers for generated synchronous client methods. */
public final class Calls {
    private Calls() {}

    /**
     * Waits for a call. An error reply is rethrown as the {@link QmpError} it is; other failures
     * (a closed connection, a timeout) as {@link CompletionException} with the cause.
     */
    public static <T> T await(CompletableFuture<T> call) {
        try {
            return call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new CancellationException("interrupted while waiting for a QMP reply");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QmpError error) {
                throw error;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new CompletionException(cause);
        }
    }
}
