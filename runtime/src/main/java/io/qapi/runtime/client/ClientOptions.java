package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.transport.Transport;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link QmpClient} connects and behaves.
 *
 * @param connectTimeout  for connecting (or waiting for the peer to connect), the greeting and
 *                        negotiation (and the schema check)
 * @param callTimeout     each command's timeout unless the call names its own, typed calls of
 *                        generated clients included; it covers the time a command waits to be
 *                        written and then its reply. Null only when asked for with
 *                        {@link #withoutCallTimeout()}: calls then wait as long as the
 *                        connection lives
 * @param oob             enable out-of-band execution when the server offers it
 * @param localSchema     the {@code query-qmp-schema} value the application was generated from
 *                        (a generated {@code Introspection.reply()}); when set, the server's is
 *                        fetched at connect and compared ({@link QmpClient#schemaDiff()})
 * @param eventBuffer     events buffered per subscription before newer ones are dropped
 * @param writeQueueLimit the most bytes of commands that may wait for a peer that is not
 *                        reading; a command that does not fit fails at once with
 *                        {@link QmpQueueFullException}
 * @param transport       how sockets are opened ({@link Transport#jdk()} unless another is
 *                        needed, as for passing file descriptors)
 */
public record ClientOptions(
        Duration connectTimeout,
        Duration callTimeout,
        boolean oob,
        JsonNode localSchema,
        int eventBuffer,
        int writeQueueLimit,
        Transport transport) {

    /** The default call timeout: long enough for QEMU's slow synchronous commands, short of "forever". */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The default write queue: room for several commands of QEMU's largest size (a JSON token
     * QEMU reads is at most 64 MiB, and commands that large are rare).
     */
    public static final int DEFAULT_WRITE_QUEUE_LIMIT = 64 << 20;

    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(transport, "transport");
        if (callTimeout != null && (callTimeout.isNegative() || callTimeout.isZero())) {
            throw new IllegalArgumentException(
                    "callTimeout must be positive (withoutCallTimeout() for none): " + callTimeout);
        }
        if (eventBuffer < 1) {
            throw new IllegalArgumentException("eventBuffer must be positive");
        }
        if (writeQueueLimit < 1) {
            throw new IllegalArgumentException("writeQueueLimit must be positive");
        }
    }

    /**
     * 5 s to connect, {@link #DEFAULT_CALL_TIMEOUT} per call, OOB when offered, no schema check,
     * 1024 events, {@link #DEFAULT_WRITE_QUEUE_LIMIT}, the JDK's sockets.
     */
    public static ClientOptions defaults() {
        return new ClientOptions(
                Duration.ofSeconds(5),
                DEFAULT_CALL_TIMEOUT,
                true,
                null,
                1024,
                DEFAULT_WRITE_QUEUE_LIMIT,
                Transport.jdk());
    }

    public ClientOptions withConnectTimeout(Duration timeout) {
        return new ClientOptions(timeout, callTimeout, oob, localSchema, eventBuffer, writeQueueLimit, transport);
    }

    /** Each call's timeout, unless the call names its own. */
    public ClientOptions withCallTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout (withoutCallTimeout() for none)");
        return new ClientOptions(connectTimeout, timeout, oob, localSchema, eventBuffer, writeQueueLimit, transport);
    }

    /** Calls without a timeout of their own wait as long as the connection lives. */
    public ClientOptions withoutCallTimeout() {
        return new ClientOptions(connectTimeout, null, oob, localSchema, eventBuffer, writeQueueLimit, transport);
    }

    public ClientOptions withOob(boolean enable) {
        return new ClientOptions(
                connectTimeout, callTimeout, enable, localSchema, eventBuffer, writeQueueLimit, transport);
    }

    /** Checks the server's schema against this one at connect. */
    public ClientOptions withSchemaCheck(JsonNode schema) {
        return new ClientOptions(connectTimeout, callTimeout, oob, schema, eventBuffer, writeQueueLimit, transport);
    }

    public ClientOptions withEventBuffer(int events) {
        return new ClientOptions(connectTimeout, callTimeout, oob, localSchema, events, writeQueueLimit, transport);
    }

    public ClientOptions withWriteQueueLimit(int bytes) {
        return new ClientOptions(connectTimeout, callTimeout, oob, localSchema, eventBuffer, bytes, transport);
    }

    /** Opens sockets with {@code transport}, such as one that can pass file descriptors. */
    public ClientOptions withTransport(Transport transport) {
        return new ClientOptions(
                connectTimeout, callTimeout, oob, localSchema, eventBuffer, writeQueueLimit, transport);
    }
}
