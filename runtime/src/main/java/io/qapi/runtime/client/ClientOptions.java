package io.qapi.runtime.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link QmpClient} connects and behaves.
 *
 * @param connectTimeout for connecting, the greeting and negotiation (and the schema check)
 * @param callTimeout    the default for each command; null waits as long as the connection lives
 * @param oob            enable out-of-band execution when the server offers it
 * @param localSchema    the {@code query-qmp-schema} value the application was generated from
 *                       (a generated {@code Introspection.reply()}); when set, the server's is
 *                       fetched at connect and compared ({@link QmpClient#schemaDiff()})
 * @param eventBuffer    events buffered per subscription before newer ones are dropped
 */
public record ClientOptions(Duration connectTimeout, Duration callTimeout, boolean oob, JsonNode localSchema,
                            int eventBuffer) {

    public ClientOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (eventBuffer < 1) {
            throw new IllegalArgumentException("eventBuffer must be positive");
        }
    }

    /** 5 s to connect, no call timeout, OOB when offered, no schema check, 1024 events. */
    public static ClientOptions defaults() {
        return new ClientOptions(Duration.ofSeconds(5), null, true, null, 1024);
    }

    public ClientOptions withConnectTimeout(Duration timeout) {
        return new ClientOptions(timeout, callTimeout, oob, localSchema, eventBuffer);
    }

    public ClientOptions withCallTimeout(Duration timeout) {
        return new ClientOptions(connectTimeout, timeout, oob, localSchema, eventBuffer);
    }

    public ClientOptions withOob(boolean enable) {
        return new ClientOptions(connectTimeout, callTimeout, enable, localSchema, eventBuffer);
    }

    /** Checks the server's schema against this one at connect. */
    public ClientOptions withSchemaCheck(JsonNode schema) {
        return new ClientOptions(connectTimeout, callTimeout, oob, schema, eventBuffer);
    }

    public ClientOptions withEventBuffer(int events) {
        return new ClientOptions(connectTimeout, callTimeout, oob, localSchema, events);
    }
}
