package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A command a server offers, as a generated dispatcher describes it: its name, its flags from
 * the schema, and how to run it. Built by name with the flags that differ from the schema's
 * defaults, so that no call site passes a row of unnamed booleans:
 *
 * <pre>{@code
 * Command ping = Command.named("ping").allowPreconfig().handler((arguments, in) -> Json.object());
 * }</pre>
 *
 * @param name            the command's name
 * @param features        the schema's features of the command (deprecated, unstable, …)
 * @param successResponse false for commands that send no reply on success
 * @param allowOob        may run out of band ({@code exec-oob})
 * @param allowPreconfig  may run before the machine is initialised ({@code --preconfig})
 * @param coroutine       QEMU runs it in a coroutine; recorded for introspection-minded users,
 *                        it changes nothing here (every command runs on a worker)
 * @param handler         decodes the arguments, runs the command, encodes the result
 */
public record Command(
        String name,
        List<String> features,
        boolean successResponse,
        boolean allowOob,
        boolean allowPreconfig,
        boolean coroutine,
        Handler handler) {

    public Command {
        Objects.requireNonNull(name, "name");
        features = List.copyOf(features);
        Objects.requireNonNull(handler, "handler");
    }

    /** A command that QEMU does not run in a coroutine (the common case). */
    public Command(
            String name,
            List<String> features,
            boolean successResponse,
            boolean allowOob,
            boolean allowPreconfig,
            Handler handler) {
        this(name, features, successResponse, allowOob, allowPreconfig, false, handler);
    }

    /** Starts describing the command {@code name}, with the schema's default flags. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Runs a command: arguments (never null; empty when absent) in, the {@code return} value out. */
    @FunctionalInterface
    public interface Handler {
        JsonNode run(ObjectNode arguments, Input input);
    }

    public boolean deprecated() {
        return features.contains("deprecated");
    }

    public boolean unstable() {
        return features.contains("unstable");
    }

    /**
     * The flags of a command, each named as in the schema; a flag not set keeps the schema's
     * default ({@code success-response} true, the others false). {@link #handler} ends it.
     */
    public static final class Builder {
        private final String name;
        private List<String> features = List.of();
        private boolean successResponse = true;
        private boolean allowOob;
        private boolean allowPreconfig;
        private boolean coroutine;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** The command's features ({@code deprecated}, {@code unstable}, …). */
        public Builder features(String... features) {
            this.features = List.of(features);
            return this;
        }

        /** {@code 'success-response': false}: no reply is sent when the command succeeds. */
        public Builder noSuccessResponse() {
            this.successResponse = false;
            return this;
        }

        /** {@code 'allow-oob': true}. */
        public Builder allowOob() {
            this.allowOob = true;
            return this;
        }

        /** {@code 'allow-preconfig': true}. */
        public Builder allowPreconfig() {
            this.allowPreconfig = true;
            return this;
        }

        /** {@code 'coroutine': true}. */
        public Builder coroutine() {
            this.coroutine = true;
            return this;
        }

        /** The command, run by {@code handler}. */
        public Command handler(Handler handler) {
            return new Command(name, features, successResponse, allowOob, allowPreconfig, coroutine, handler);
        }
    }
}
