package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.EventType;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpCaller;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.internal.LazyLogger;
import io.qapi.runtime.introspect.SchemaDiff;
import io.qapi.runtime.protocol.Greeting;
import io.qapi.runtime.protocol.QmpEvent;
import io.qapi.runtime.protocol.Timestamp;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A QMP connection: connects to a unix socket or TCP port, reads the greeting, negotiates
 * (with out-of-band execution when the server offers it) and then sends commands, any number
 * at once from any thread, matching replies by the {@code id} it gives each command. It is the
 * {@link QmpCaller} generated clients run on:
 * <pre>{@code
 * try (QmpClient qmp = QmpClient.connect(Endpoint.parse("unix:/run/vm/qmp.sock"))) {
 *     Client vm = Client.over(qmp);
 *     try (var stops = qmp.subscribe(Events.STOP)) {
 *         vm.stop();
 *         stops.next(Duration.ofSeconds(5));
 *     }
 * }
 * }</pre>
 * Error replies complete calls exceptionally with {@link QmpError}; a timeout with
 * {@link QmpTimeoutException}; when the connection ends, every waiting call fails at once with
 * {@link QmpConnectionException}, as does every later one. Reconnecting is
 * {@link #reconnect()}: a new client with the same endpoint and options. Replies of every
 * client in the process are read by one thread ({@link ClientReactor}).
 */
public final class QmpClient implements QmpCaller, AutoCloseable {
    private static final System.Logger LOG = LazyLogger.of(QmpClient.class);

    private final Endpoint endpoint;
    private final ClientOptions options;
    private final SocketChannel channel;
    private final CallTable calls;
    private final EventHub events;
    private final CompletableFuture<Greeting> greeting = new CompletableFuture<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final Set<String> deprecatedUsed = ConcurrentHashMap.newKeySet();
    private volatile boolean oob;
    private volatile SchemaDiff schemaDiff;
    private volatile Set<String> deprecatedOnServer = Set.of();

    QmpClient(Endpoint endpoint, ClientOptions options, SocketChannel channel) throws IOException {
        this.endpoint = endpoint;
        this.options = options;
        this.channel = channel;
        this.calls = new CallTable(endpoint, channel);
        this.events = new EventHub(endpoint.toString());
        ClientReactor.get().register(channel, new ClientReader(channel, this));
    }

    public static QmpClient connect(Endpoint endpoint) throws IOException {
        return connect(endpoint, ClientOptions.defaults());
    }

    /**
     * Connects, reads the greeting and negotiates, all within the options' connect timeout;
     * then checks the schema if the options ask for it.
     *
     * @throws IOException when the connection, greeting or negotiation fails or takes too long
     */
    public static QmpClient connect(Endpoint endpoint, ClientOptions options) throws IOException {
        return Handshake.open(endpoint, options);
    }

    /** Connects again to the same endpoint with the same options. */
    public QmpClient reconnect() throws IOException {
        return connect(endpoint, options);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The server's greeting. */
    public Greeting greeting() {
        return greeting.getNow(null);
    }

    CompletableFuture<Greeting> greetingFuture() {
        return greeting;
    }

    /** Whether {@code exec-oob} is enabled on this connection. */
    public boolean oobEnabled() {
        return oob;
    }

    void negotiated(boolean oob) {
        this.oob = oob;
    }

    /** The result of the schema check at connect, when the options asked for one. */
    public Optional<SchemaDiff> schemaDiff() {
        return Optional.ofNullable(schemaDiff);
    }

    void schemaChecked(SchemaDiff diff, Set<String> deprecatedCommands) {
        this.schemaDiff = diff;
        this.deprecatedOnServer = deprecatedCommands;
    }

    /**
     * Commands sent on this connection that the server's schema marks deprecated (known only
     * with the schema check on); each is also logged once as a warning.
     */
    public Set<String> deprecatedCommandsUsed() {
        return Set.copyOf(deprecatedUsed);
    }

    public boolean isOpen() {
        return !calls.failed();
    }

    /** Completes when the connection ends, with the cause (null when closed by this side). */
    public CompletableFuture<Throwable> closed() {
        return ended;
    }

    // ---- commands

    @Override
    public CompletableFuture<JsonNode> call(String command, ObjectNode arguments) {
        return execute(command, arguments, options.callTimeout());
    }

    /** Sends a command; {@code arguments} may be null. Uses the options' call timeout. */
    public CompletableFuture<JsonNode> execute(String command, JsonNode arguments) {
        return execute(command, arguments, options.callTimeout());
    }

    /** Sends a command that fails with {@link QmpTimeoutException} after {@code timeout} (null: none). */
    public CompletableFuture<JsonNode> execute(String command, JsonNode arguments, Duration timeout) {
        return send(command, arguments, false, timeout);
    }

    /** Sends a command out of band ({@code exec-oob}); it may overtake commands still waiting. */
    public CompletableFuture<JsonNode> executeOob(String command, JsonNode arguments) {
        return executeOob(command, arguments, options.callTimeout());
    }

    public CompletableFuture<JsonNode> executeOob(String command, JsonNode arguments, Duration timeout) {
        if (!oob) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "out-of-band execution is not enabled on " + endpoint));
        }
        return send(command, arguments, true, timeout);
    }

    private CompletableFuture<JsonNode> send(String command, JsonNode arguments, boolean outOfBand, Duration timeout) {
        if (deprecatedOnServer.contains(command) && deprecatedUsed.add(command)) {
            LOG.log(System.Logger.Level.WARNING, "QMP command " + command + " is deprecated by " + endpoint);
        }
        return calls.send(this, command, arguments, outOfBand, timeout);
    }

    void forget(long id) {
        calls.forget(id);
    }

    // ---- events

    /** Events of one type, decoded into its record. */
    public <E> EventSubscription<E> subscribe(EventType<E> type) {
        return subscribe(type, event -> true);
    }

    public <E> EventSubscription<E> subscribe(EventType<E> type, Predicate<? super E> filter) {
        return events.add(new EventSubscription<>(events, type.name(), decoder(type), filter,
                options.eventBuffer(), null, null));
    }

    /** Raw events that pass {@code filter}, whatever their name. */
    public EventSubscription<QmpEvent> subscribe(Predicate<? super QmpEvent> filter) {
        return events.add(new EventSubscription<>(events, null, Function.identity(), filter,
                options.eventBuffer(), null, null));
    }

    /** Pushes events of one type that pass {@code filter} to {@code listener}, on the event thread. */
    public <E> EventSubscription<E> listen(EventType<E> type, Predicate<? super E> filter,
                                           EventListener<? super E> listener) {
        return events.add(new EventSubscription<>(events, type.name(), decoder(type), filter,
                options.eventBuffer(), listener, events.listenerThread()));
    }

    public EventSubscription<QmpEvent> listen(Predicate<? super QmpEvent> filter,
                                              EventListener<? super QmpEvent> listener) {
        return events.add(new EventSubscription<>(events, null, Function.identity(), filter,
                options.eventBuffer(), listener, events.listenerThread()));
    }

    /**
     * Waits for the next event of this type. Only events arriving after the call count; to
     * catch an event that a command causes, {@link #subscribe} before sending it.
     */
    public <E> E await(EventType<E> type, Duration timeout) throws InterruptedException, TimeoutException {
        return await(type, event -> true, timeout);
    }

    public <E> E await(EventType<E> type, Predicate<? super E> filter, Duration timeout)
            throws InterruptedException, TimeoutException {
        try (EventSubscription<E> subscription = subscribe(type, filter)) {
            return subscription.next(timeout);
        }
    }

    private static <E> Function<QmpEvent, E> decoder(EventType<E> type) {
        return event -> type.decode(event.data(), Input.LENIENT);
    }

    // ---- from the reading thread

    void received(JsonNode message) {
        if (message.has("return") || message.has("error")) {
            calls.reply(message);
        } else if (message.has("event")) {
            events.publish(new QmpEvent(message.path("event").asText(), message.get("data"),
                    Timestamp.fromJson(message.get("timestamp"))));
        } else if (!greeting.isDone() && message.has("QMP")) {
            greeting.complete(Greeting.fromJson(message));
        } else {
            LOG.log(System.Logger.Level.WARNING, "unexpected QMP message from " + endpoint + ": " + message);
        }
    }

    /** The connection is gone: fails everything still waiting, ends event streams. */
    void lost(String why, Throwable cause) {
        QmpConnectionException error = new QmpConnectionException("QMP connection to " + endpoint + " ended: " + why,
                cause);
        if (!calls.failAll(error)) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // it is closed either way
        }
        greeting.completeExceptionally(error);
        events.end(error);
        ended.complete(cause);
    }

    /** Closes the connection; calls still waiting fail with {@link QmpConnectionException}. */
    @Override
    public void close() {
        lost("closed by the client", null);
    }
}
