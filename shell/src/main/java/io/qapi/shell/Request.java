package io.qapi.shell;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * A command as the user typed it, before it is checked against the schema.
 *
 * @param command    the command's name
 * @param arguments  its arguments (empty when none were given)
 * @param outOfBand  sent with {@code exec-oob} rather than {@code execute}
 * @param bareWords  the arguments written as bare words ({@code key=1}, not {@code key="1"}),
 *                   by dotted path, with their text: where the schema wants a string, such a
 *                   word is sent as the string it spells, not as the number or boolean it
 *                   also parses as
 */
public record Request(String command, ObjectNode arguments, boolean outOfBand, Map<String, String> bareWords) {

    public Request {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(arguments, "arguments");
        bareWords = Map.copyOf(bareWords);
    }
}
