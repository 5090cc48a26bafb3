package io.qapi.runtime.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The commands QEMU's monitor always has besides {@code qmp_capabilities}, for a command table
 * that lacks them: {@code query-version}, answering the server's version, and
 * {@code query-commands}, listing exactly what the server serves. A table that brings its own
 * {@code query-commands} (a generated {@code Dispatcher}'s) says itself what it serves, so
 * nothing is added to it: an added command would be served without being listed.
 */
final class CoreCommands {
    static final String QUERY_VERSION = "query-version";
    static final String QUERY_COMMANDS = "query-commands";

    private CoreCommands() {}

    /** Adds what {@code table} (name to command, in table order) lacks. */
    static void complete(Map<String, Command> table, Supplier<JsonNode> version) {
        if (table.containsKey(QUERY_COMMANDS)) {
            return;
        }
        if (!table.containsKey(QUERY_VERSION)) {
            table.put(
                    QUERY_VERSION, Command.named(QUERY_VERSION).allowPreconfig().handler((arguments, in) -> {
                        in.object(arguments, "").finish();
                        return version.get();
                    }));
        }
        Collection<Command> served = table.values(); // a view: query-commands itself is listed too
        table.put(QUERY_COMMANDS, Command.named(QUERY_COMMANDS).allowPreconfig().handler((arguments, in) -> {
            in.object(arguments, "").finish();
            ArrayNode names = Json.array();
            served.forEach(command -> names.add(Json.object().put("name", command.name())));
            return names;
        }));
    }

    /** A table keyed by name, in the order given, {@code qmp_capabilities} first. */
    static Map<String, Command> table(Command capabilities, Iterable<Command> commands) {
        Map<String, Command> table = new LinkedHashMap<>();
        table.put(capabilities.name(), capabilities);
        for (Command command : commands) {
            if (!command.name().equals(capabilities.name())) { // the protocol's own, whatever the table says
                table.put(command.name(), command);
            }
        }
        return table;
    }
}
