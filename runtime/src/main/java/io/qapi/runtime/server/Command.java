package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.json.Input;
import java.util.List;

/**
 * A command a server offers, as a generated dispatcher describes it: its name, its flags from
 * the schema, and how to run it.
 *
 * @param name            the command's name
 * @param features        the schema's features of the command (deprecated, unstable, …)
 * @param successResponse false for commands that send no reply on success
 * @param allowOob        may run out of band ({@code exec-oob})
 * @param allowPreconfig  may run before the machine is initialised ({@code --preconfig})
 * @param handler         decodes the arguments, runs the command, encodes the result
 */
public record Command(String name, List<String> features, boolean successResponse, boolean allowOob,
                      boolean allowPreconfig, Handler handler) {

    public Command {
        features = List.copyOf(features);
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
}
