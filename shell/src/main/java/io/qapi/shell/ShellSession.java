package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.ClientOptions;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.client.QmpConnectionException;
import io.qapi.runtime.client.QmpTimeoutException;
import io.qapi.runtime.protocol.QmpMessages;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The shell's QMP connection: a {@link QmpClient} and the server's schema, read once at
 * connect with {@code query-qmp-schema}, against which every request is checked before it is
 * sent. A server without {@code query-qmp-schema} is talked to unchecked (and the shell
 * completes nothing).
 */
public final class ShellSession implements AutoCloseable {

    /**
     * How the shell connects.
     *
     * @param connectTimeout for connecting, the greeting, negotiation and the schema
     * @param callTimeout    for each command; null waits as long as it takes
     * @param check          check arguments against the server's schema before sending
     */
    public record Options(Duration connectTimeout, Duration callTimeout, boolean check) {
        public Options {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }
    }

    /**
     * What a command got back.
     *
     * @param message the reply as the server sent it, less its {@code id}: {@code {"return": …}}
     *                or {@code {"error": {"class": …, "desc": …}}}
     * @param ok      whether it succeeded
     */
    public record Reply(ObjectNode message, boolean ok) {}

    private final QmpClient client;
    private final ServerSchema schema;
    private final ArgumentChecker checker;
    private final String schemaProblem;
    private volatile CompletableFuture<JsonNode> waiting;

    private ShellSession(QmpClient client, ServerSchema schema, boolean check, String schemaProblem) {
        this.client = client;
        this.schema = schema;
        this.checker = check && schema != null ? new ArgumentChecker(schema) : null;
        this.schemaProblem = schemaProblem;
    }

    /** Connects, negotiates and reads the server's schema. */
    public static ShellSession connect(Endpoint endpoint, Options options) throws IOException {
        ClientOptions base = ClientOptions.defaults().withConnectTimeout(options.connectTimeout());
        // a person at the shell waits as long as a command takes (Ctrl-C stops waiting)
        ClientOptions clientOptions =
                options.callTimeout() == null ? base.withoutCallTimeout() : base.withCallTimeout(options.callTimeout());
        QmpClient client = QmpClient.connect(endpoint, clientOptions);
        try {
            JsonNode schema = client.execute("query-qmp-schema", null, options.connectTimeout())
                    .get();
            return new ShellSession(client, ServerSchema.of(schema), options.check(), null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof QmpConnectionException lost) {
                client.close();
                throw new IOException(lost.getMessage(), lost);
            }
            String problem = "query-qmp-schema failed: " + e.getCause().getMessage();
            return new ShellSession(client, null, options.check(), problem);
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the server's schema", e);
        }
    }

    public QmpClient client() {
        return client;
    }

    /** The server's schema, or null when it could not be read. */
    public ServerSchema schema() {
        return schema;
    }

    /** Why the schema could not be read, or null. */
    public String schemaProblem() {
        return schemaProblem;
    }

    /**
     * Checks a request, sends it and waits for its reply.
     *
     * @throws ShellError             when the request is refused locally (nothing is sent),
     *                                when no reply comes in time, or when the wait is cancelled
     * @throws QmpConnectionException when the connection is gone
     */
    public Reply execute(Request request) throws InterruptedException {
        ObjectNode arguments = checker != null ? checker.check(request) : request.arguments();
        CompletableFuture<JsonNode> call = request.outOfBand()
                ? client.executeOob(request.command(), arguments.isEmpty() ? null : arguments)
                : client.execute(request.command(), arguments.isEmpty() ? null : arguments);
        waiting = call;
        try {
            JsonNode value = call.get();
            return new Reply(
                    QmpMessages.success(value != null ? value : JsonNodeFactory.instance.objectNode(), null), true);
        } catch (CancellationException e) {
            throw new ShellError("Stopped waiting for the reply to " + request.command());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QmpError error) {
                return new Reply(QmpMessages.error(error, null), false);
            }
            if (cause instanceof QmpTimeoutException || cause instanceof IllegalStateException) {
                throw new ShellError(cause.getMessage()); // no reply in time; exec-oob not enabled
            }
            throw cause instanceof RuntimeException unchecked ? unchecked : new IllegalStateException(cause);
        } finally {
            waiting = null;
        }
    }

    /** Stops waiting for the reply now awaited, if any (the command may still run). */
    public void cancelWait() {
        CompletableFuture<JsonNode> call = waiting;
        if (call != null) {
            call.cancel(false);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
