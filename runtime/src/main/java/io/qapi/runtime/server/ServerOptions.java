package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.json.JsonWriter;
import io.qapi.runtime.json.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * How a {@link QmpServer} behaves. Build with {@link #builder()}; every setting has a default.
 *
 * @param version           the version the greeting and {@code query-version} carry; null to
 *                          ask the command table's {@code query-version} on each connection, as
 *                          QEMU does, or, when the table has none, to carry this library's
 *                          version ({@link ServerVersion#library()})
 * @param offerOob          whether the greeting offers the {@code oob} capability
 * @param compat            what to do with deprecated and unstable parts ({@code -compat})
 * @param schema            the server's {@code query-qmp-schema} value, needed to check and
 *                          hide deprecated or unstable members and enum values; commands and
 *                          events are handled from their own features without it
 * @param limits            message size, token count and nesting depth
 * @param keyOrder          member order in replies and events
 * @param workers           pool threads kept alive; more are started while commands block
 * @param maxSessions       negotiated sessions at most; a connection beyond this is closed at
 *                          once, and so is one that would negotiate beyond it
 * @param maxUnnegotiated   connections that have not negotiated yet, at most; a new connection
 *                          beyond this makes the server drop the oldest of them, so that idle
 *                          connections can never keep out a client that negotiates promptly
 * @param negotiationTimeout how long a connection may take to send {@code qmp_capabilities}
 *                          before the server closes it
 * @param maxQueuedCommands in-band commands of one session waiting at once before the server
 *                          stops reading from it (QEMU stops at 8)
 * @param maxOutputBytes    bytes waiting to be sent to one client before the session is closed
 *                          (with a warning in the log): a client that stops reading cannot make
 *                          the server hold more than this for it
 * @param eventThrottle     which events are rate limited, and how ({@link EventThrottle#QEMU}
 *                          by default, {@link EventThrottle#NONE} to send every event at once)
 * @param compatCrash       what happens when input meets a {@code crash} compat policy
 * @param preconfig         while true, commands not allowed in preconfig are refused
 * @param listener          told about sessions opening and closing
 * @param shutdownTimeout   how long {@link QmpServer#close()} lets running commands finish
 * @param inlineQuickCommands run in-band commands that have proven quick on the I/O thread
 *                          instead of handing them to the pool (see {@code CommandSpeeds})
 */
public record ServerOptions(
        JsonNode version,
        boolean offerOob,
        CompatPolicy compat,
        JsonNode schema,
        Limits limits,
        JsonWriter.KeyOrder keyOrder,
        int workers,
        int maxSessions,
        int maxUnnegotiated,
        Duration negotiationTimeout,
        int maxQueuedCommands,
        long maxOutputBytes,
        EventThrottle eventThrottle,
        CompatCrashHandler compatCrash,
        BooleanSupplier preconfig,
        SessionListener listener,
        Duration shutdownTimeout,
        boolean inlineQuickCommands) {

    public ServerOptions {
        Objects.requireNonNull(compat, "compat");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(keyOrder, "keyOrder");
        Objects.requireNonNull(preconfig, "preconfig");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
        Objects.requireNonNull(negotiationTimeout, "negotiationTimeout");
        Objects.requireNonNull(eventThrottle, "eventThrottle");
        Objects.requireNonNull(compatCrash, "compatCrash");
        if (workers < 1
                || maxSessions < 1
                || maxUnnegotiated < 1
                || maxQueuedCommands < 1
                || maxOutputBytes < 1024
                || negotiationTimeout.isNegative()
                || negotiationTimeout.isZero()) {
            throw new IllegalArgumentException("server limits too small");
        }
    }

    public static ServerOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ServerOptions}. */
    public static final class Builder {
        private JsonNode version;
        private boolean offerOob = true;
        private CompatPolicy compat = CompatPolicy.ACCEPT;
        private JsonNode schema;
        private Limits limits = Limits.DEFAULT;
        private JsonWriter.KeyOrder keyOrder = JsonWriter.KeyOrder.QEMU;
        private int workers = Math.max(2, Runtime.getRuntime().availableProcessors());
        private int maxSessions = 1024;
        private int maxUnnegotiated = 64;
        private Duration negotiationTimeout = Duration.ofSeconds(10);
        private int maxQueuedCommands = 64;
        private long maxOutputBytes = 16L << 20;
        private EventThrottle eventThrottle = EventThrottle.QEMU;
        private CompatCrashHandler compatCrash = CompatCrashHandler.END_SESSION;
        private BooleanSupplier preconfig = () -> false;
        private SessionListener listener = SessionListener.NONE;
        private Duration shutdownTimeout = Duration.ofSeconds(5);
        private boolean inlineQuickCommands = true;

        private Builder() {}

        public Builder version(JsonNode version) {
            this.version = version;
            return this;
        }

        public Builder offerOob(boolean offerOob) {
            this.offerOob = offerOob;
            return this;
        }

        public Builder compat(CompatPolicy compat) {
            this.compat = compat;
            return this;
        }

        public Builder schema(JsonNode schema) {
            this.schema = schema;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = limits;
            return this;
        }

        public Builder keyOrder(JsonWriter.KeyOrder keyOrder) {
            this.keyOrder = keyOrder;
            return this;
        }

        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        public Builder maxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
            return this;
        }

        public Builder maxUnnegotiated(int maxUnnegotiated) {
            this.maxUnnegotiated = maxUnnegotiated;
            return this;
        }

        public Builder negotiationTimeout(Duration negotiationTimeout) {
            this.negotiationTimeout = negotiationTimeout;
            return this;
        }

        public Builder eventThrottle(EventThrottle eventThrottle) {
            this.eventThrottle = eventThrottle;
            return this;
        }

        public Builder compatCrash(CompatCrashHandler compatCrash) {
            this.compatCrash = compatCrash;
            return this;
        }

        public Builder maxQueuedCommands(int maxQueuedCommands) {
            this.maxQueuedCommands = maxQueuedCommands;
            return this;
        }

        public Builder maxOutputBytes(long maxOutputBytes) {
            this.maxOutputBytes = maxOutputBytes;
            return this;
        }

        public Builder preconfig(BooleanSupplier preconfig) {
            this.preconfig = preconfig;
            return this;
        }

        public Builder listener(SessionListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        public Builder inlineQuickCommands(boolean inline) {
            this.inlineQuickCommands = inline;
            return this;
        }

        public ServerOptions build() {
            return new ServerOptions(
                    version,
                    offerOob,
                    compat,
                    schema,
                    limits,
                    keyOrder,
                    workers,
                    maxSessions,
                    maxUnnegotiated,
                    negotiationTimeout,
                    maxQueuedCommands,
                    maxOutputBytes,
                    eventThrottle,
                    compatCrash,
                    preconfig,
                    listener,
                    shutdownTimeout,
                    inlineQuickCommands);
        }
    }
}
