package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.introspect.SchemaCheck;
import io.qapi.runtime.introspect.SchemaDiff;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Connecting a client, and the timer every client shares for call timeouts. */
final class Handshake {
    private static final System.Logger LOG = LazyLogger.of(QmpClient.class);
    /** One daemon thread for all clients' timeouts; cancelled timers leave at once. */
    static final ScheduledThreadPoolExecutor TIMERS = timers();

    private Handshake() {}

    private static ScheduledThreadPoolExecutor timers() {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "qmp-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        return timers;
    }

    /** Connects, reads the greeting, negotiates and, if asked, checks the schema. */
    static QmpClient open(Endpoint endpoint, ClientOptions options) throws IOException {
        SocketChannel channel = options.transport().connect(endpoint, options.connectTimeout());
        return negotiate(endpoint, options, () -> open(endpoint, options), channel);
    }

    /**
     * On a connected channel: reads the greeting, negotiates and, if asked, checks the schema.
     * Each step takes the connect timeout, not the call timeout, which is for the application's
     * commands.
     */
    static QmpClient negotiate(Endpoint endpoint, ClientOptions options, QmpClient.Opener opener, SocketChannel channel)
            throws IOException {
        Duration timeout = options.connectTimeout();
        QmpClient client;
        try {
            client = new QmpClient(endpoint, options, opener, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        try {
            Greeting hello = await(client.greetingFuture(), timeout, endpoint, "greeting");
            boolean oob = options.oob() && hello.offers(Greeting.OOB);
            ObjectNode arguments = null;
            if (oob) {
                arguments = Json.object();
                arguments.set("enable", Json.array().add(Greeting.OOB));
            }
            await(
                    client.execute("qmp_capabilities", arguments, timeout),
                    timeout,
                    endpoint,
                    "capabilities negotiation");
            client.negotiated(oob);
            if (options.localSchema() != null) {
                JsonNode remote =
                        await(client.execute("query-qmp-schema", null, timeout), timeout, endpoint, "query-qmp-schema");
                SchemaDiff diff = SchemaCheck.compare(options.localSchema(), remote);
                client.schemaChecked(diff, SchemaCheck.deprecatedCommands(remote));
                if (!diff.isEmpty()) {
                    LOG.log(
                            System.Logger.Level.INFO,
                            () -> "QMP schema of " + endpoint + " differs: " + diff.summary());
                }
            }
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** Waits for one step of connecting; failures become IOExceptions that say which step. */
    static <T> T await(CompletableFuture<T> step, Duration timeout, Endpoint endpoint, String what) throws IOException {
        try {
            return step.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException(
                    "no " + what + " from " + endpoint + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the " + what + " from " + endpoint, e);
        } catch (ExecutionException e) {
            throw new IOException(
                    what + " with " + endpoint + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
