package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A command sent and not yet answered. Cancelling it forgets it: QMP cannot call a command
 * back, so the command may still run, and its reply is dropped when it comes.
 */
final class PendingCall extends CompletableFuture<JsonNode> {
    final long id;
    final String command;
    private final QmpClient client;
    private volatile ScheduledFuture<?> timer;

    PendingCall(QmpClient client, long id, String command) {
        this.client = client;
        this.id = id;
        this.command = command;
    }

    void timer(ScheduledFuture<?> timer) {
        this.timer = timer;
        if (isDone()) {
            timer.cancel(false);
        }
    }

    void succeed(JsonNode value) {
        stopTimer();
        complete(value);
    }

    void fail(Throwable error) {
        stopTimer();
        completeExceptionally(error);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        client.forget(this);
        stopTimer();
        return super.cancel(mayInterruptIfRunning);
    }

    /** Dependent stages are plain futures: cancelling one of them must not forget this call. */
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }

    private void stopTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
    }
}
