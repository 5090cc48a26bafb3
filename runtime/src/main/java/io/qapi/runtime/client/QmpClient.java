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
import io.qapi.runtime.transport.Transport;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * try (QmpClient qmp = QmpClient.connect(Endpoint.unix(socket))) {
 *     RunStateClient vm = RunStateClient.over(qmp);
 *     …
 *     try (EventSubscription<TimedEvent<StopEvent>> stops = qmp.subscribeTimed(Events.STOP)) {
 *         vm.stop();
 *         TimedEvent<StopEvent> stop = stops.next(Duration.ofSeconds(5));
 *     }
 * }
 * }</pre>
 * Error replies complete calls exceptionally with {@link QmpError}; a timeout with
 * {@link QmpTimeoutException}; when the connection ends, every waiting call fails at once with
 * {@link QmpConnectionException}, as does every later one. Reconnecting is
 * {@link #reconnect()}: a new client with the same endpoint and options. When QEMU is the one
 * that connects ({@code -qmp unix:PATH} without {@code server=on}), {@link #listen} or
 * {@link #accept} make the client.
 *
 * <p>Sending never blocks the caller. A command is written at once as far as the socket takes
 * it; the rest waits in the connection's write queue, which one thread for every client of the
 * process ({@link ClientReactor}) writes out as the peer reads, and which also reads all
 * replies. Each call has a timeout ({@link ClientOptions#callTimeout()} unless it names its
 * own, {@link #withTimeout} for typed clients) that covers both the wait to be written and the
 * reply. The queue is bounded ({@link ClientOptions#writeQueueLimit()}): a command that does not
 * fit fails at once with {@link QmpQueueFullException}.
 *
 * <p>A peer that stops reading does not end the connection: QEMU reads its monitor input a
 * little per main-loop turn, so a busy QEMU is one, and it reads again. A command that times
 * out before any of it left is withdrawn (it will not run); one that began to leave is
 * finished, since half a command would corrupt the stream (it may still run, as may any command
 * that timed out waiting for its reply). To give up on a peer, {@link #close()} the client.
 */
public final class QmpClient implements QmpCaller, AutoCloseable {
    private static final System.Logger LOG = LazyLogger.of(QmpClient.class);

    /** Makes a client again the way this one was made. */
    @FunctionalInterface
    interface Opener {
        QmpClient open() throws IOException;
    }

    private final Endpoint endpoint;
    private final ClientOptions options;
    private final Opener opener;
    private final SocketChannel channel;
    private final CallTable calls;
    private final EventHub events;
    private final CompletableFuture<Greeting> greeting = new CompletableFuture<>();
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
    private final Set<String> deprecatedUsed = ConcurrentHashMap.newKeySet();
    private volatile boolean oob;
    private volatile SchemaDiff schemaDiff;
    private volatile Set<String> deprecatedOnServer = Set.of();

    QmpClient(Endpoint endpoint, ClientOptions options, Opener opener, SocketChannel channel) throws IOException {
        this.endpoint = endpoint;
        this.options = options;
        this.opener = opener;
        this.channel = channel;
        ClientReactor reactor = ClientReactor.of(channel);
        WriteQueue writes = new WriteQueue(
                channel, options.transport(), options.writeQueueLimit(), () -> reactor.wantWritable(channel));
        this.calls = new CallTable(endpoint, writes);
        this.events = new EventHub(endpoint.toString());
        reactor.register(channel, new ClientReader(channel, this), writes, this);
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

    /**
     * Listens at {@code endpoint} for a peer that connects to the client, as QEMU does with a
     * client-mode monitor ({@code -qmp unix:PATH} or {@code -chardev socket,…,server=off}).
     * Start QEMU after this returns: it connects once at start-up and gives up when nothing
     * listens.
     */
    public static QmpListener listen(Endpoint endpoint, ClientOptions options) throws IOException {
        return QmpListener.open(endpoint, options);
    }

    /**
     * Listens at {@code endpoint}, waits (within the options' connect timeout) for one peer to
     * connect, stops listening, then reads the greeting and negotiates as {@link #connect} does.
     * For a peer that keeps trying to connect (QEMU's {@code reconnect=SECONDS}) or that is
     * started elsewhere after the socket exists; otherwise use {@link #listen}.
     */
    public static QmpClient accept(Endpoint endpoint, ClientOptions options) throws IOException {
        try (QmpListener listener = listen(endpoint, options)) {
            return listener.accept();
        }
    }

    /**
     * Opens a new client the way this one was opened: connects again to the same endpoint with
     * the same options, or, for a client accepted by a {@link QmpListener} still open, waits for
     * the peer to connect again.
     */
    public QmpClient reconnect() throws IOException {
        return opener.open();
    }

    /** The options this client was opened with. */
    public ClientOptions options() {
        return options;
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

    /** Sends a command with the options' call timeout; this is what generated typed clients call. */
    @Override
    public CompletableFuture<JsonNode> call(String command, ObjectNode arguments) {
        return execute(command, arguments, options.callTimeout());
    }

    /**
     * A view of this connection whose calls have their own timeout, for typed clients:
     * {@code MachineClient.over(qmp.withTimeout(Duration.ofMinutes(5))).…}.
     */
    public QmpCaller withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return (command, arguments) -> execute(command, arguments, timeout);
    }

    /** Sends a command; {@code arguments} may be null. Uses the options' call timeout. */
    public CompletableFuture<JsonNode> execute(String command, JsonNode arguments) {
        return execute(command, arguments, options.callTimeout());
    }

    /** Sends a command that fails with {@link QmpTimeoutException} after {@code timeout} (null: none). */
    public CompletableFuture<JsonNode> execute(String command, JsonNode arguments, Duration timeout) {
        return send(command, arguments, false, timeout, List.of());
    }

    /**
     * Sends a command together with file descriptors, as {@code getfd} and {@code add-fd} take
     * them: on a unix socket, as {@code SCM_RIGHTS} with the command's first bytes. The JDK's
     * sockets cannot do this; it takes a {@link Transport} that can
     * ({@link ClientOptions#withTransport}), such as one built on junixsocket. Without one the
     * call fails at once with {@link UnsupportedOperationException} and nothing is sent.
     */
    public CompletableFuture<JsonNode> executeWithFds(
            String command, JsonNode arguments, List<FileDescriptor> descriptors, Duration timeout) {
        Transport transport = options.transport();
        if (!transport.passesFileDescriptors(endpoint)) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(command + ": passing file "
                    + "descriptors to " + endpoint + " needs a transport that sends SCM_RIGHTS on a unix socket "
                    + "(such as one built on junixsocket, set with ClientOptions.withTransport); the "
                    + transport.name() + " transport cannot"));
        }
        return send(command, arguments, false, timeout, List.copyOf(descriptors));
    }

    /** {@link #executeWithFds(String, JsonNode, List, Duration)} with the options' call timeout. */
    public CompletableFuture<JsonNode> executeWithFds(
            String command, JsonNode arguments, List<FileDescriptor> descriptors) {
        return executeWithFds(command, arguments, descriptors, options.callTimeout());
    }

    /** Sends a command out of band ({@code exec-oob}); it may overtake commands still waiting. */
    public CompletableFuture<JsonNode> executeOob(String command, JsonNode arguments) {
        return executeOob(command, arguments, options.callTimeout());
    }

    public CompletableFuture<JsonNode> executeOob(String command, JsonNode arguments, Duration timeout) {
        if (!oob) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("out-of-band execution is not enabled on " + endpoint));
        }
        return send(command, arguments, true, timeout, List.of());
    }

    private CompletableFuture<JsonNode> send(
            String command, JsonNode arguments, boolean outOfBand, Duration timeout, List<FileDescriptor> descriptors) {
        if (deprecatedOnServer.contains(command) && deprecatedUsed.add(command)) {
            LOG.log(System.Logger.Level.WARNING, "QMP command " + command + " is deprecated by " + endpoint);
        }
        return calls.send(this, command, arguments, outOfBand, timeout, descriptors);
    }

    void forget(PendingCall call) {
        calls.forget(call);
    }

    // ---- events

    /** Events of one type, decoded into its record. */
    public <E> EventSubscription<E> subscribe(EventType<E> type) {
        return subscribe(type, event -> true);
    }

    public <E> EventSubscription<E> subscribe(EventType<E> type, Predicate<? super E> filter) {
        return events.add(
                new EventSubscription<>(events, type.name(), decoder(type), filter, options.eventBuffer(), null, null));
    }

    /**
     * Events of one type with the time the server stamped on each (QMP's {@code timestamp}),
     * which the generated records do not carry.
     */
    public <E> EventSubscription<TimedEvent<E>> subscribeTimed(EventType<E> type) {
        return subscribeTimed(type, event -> true);
    }

    /** Timed events of one type whose record passes {@code filter}. */
    public <E> EventSubscription<TimedEvent<E>> subscribeTimed(EventType<E> type, Predicate<? super E> filter) {
        return events.add(new EventSubscription<>(
                events,
                type.name(),
                timedDecoder(type),
                timed -> filter.test(timed.event()),
                options.eventBuffer(),
                null,
                null));
    }

    /** Pushes timed events of one type whose record passes {@code filter} to {@code listener}. */
    public <E> EventSubscription<TimedEvent<E>> listenTimed(
            EventType<E> type, Predicate<? super E> filter, EventListener<? super TimedEvent<E>> listener) {
        return events.add(new EventSubscription<>(
                events,
                type.name(),
                timedDecoder(type),
                timed -> filter.test(timed.event()),
                options.eventBuffer(),
                listener,
                events.listenerThread()));
    }

    /** Raw events that pass {@code filter}, whatever their name. */
    public EventSubscription<QmpEvent> subscribe(Predicate<? super QmpEvent> filter) {
        return events.add(
                new EventSubscription<>(events, null, Function.identity(), filter, options.eventBuffer(), null, null));
    }

    /** Pushes events of one type that pass {@code filter} to {@code listener}, on the event thread. */
    public <E> EventSubscription<E> listen(
            EventType<E> type, Predicate<? super E> filter, EventListener<? super E> listener) {
        return events.add(new EventSubscription<>(
                events, type.name(), decoder(type), filter, options.eventBuffer(), listener, events.listenerThread()));
    }

    public EventSubscription<QmpEvent> listen(
            Predicate<? super QmpEvent> filter, EventListener<? super QmpEvent> listener) {
        return events.add(new EventSubscription<>(
                events, null, Function.identity(), filter, options.eventBuffer(), listener, events.listenerThread()));
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

    private static <E> Function<QmpEvent, TimedEvent<E>> timedDecoder(EventType<E> type) {
        return event -> new TimedEvent<>(type.decode(event.data(), Input.LENIENT), event.timestamp());
    }

    // ---- from the reading thread

    void received(JsonNode message) {
        if (message.has("return") || message.has("error")) {
            calls.reply(message);
        } else if (message.has("event")) {
            events.publish(new QmpEvent(
                    message.path("event").asText(), message.get("data"), Timestamp.fromJson(message.get("timestamp"))));
        } else if (!greeting.isDone() && message.has("QMP")) {
            greeting.complete(Greeting.fromJson(message));
        } else {
            LOG.log(System.Logger.Level.WARNING, "unexpected QMP message from " + endpoint + ": " + message);
        }
    }

    /** The connection is gone: fails everything still waiting, ends event streams. */
    void lost(String why, Throwable cause) {
        QmpConnectionException error =
                new QmpConnectionException("QMP connection to " + endpoint + " ended: " + why, cause);
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
