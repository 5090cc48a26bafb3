package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.keyval.Keyval;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@code -machine} / {@code -M} argument merged, as QEMU 7.2 merges them: each is read as
 * {@code key=value} pairs with {@code type} as the implied key, and a later value of a key
 * replaces an earlier one ({@code -M q35 -M pc,usb=on} is {@code pc} with {@code usb=on}).
 *
 * @param type       the machine type asked for, if any
 * @param accel      the {@code accel=} value, if any
 * @param properties every other key, by name, as text
 * @param help       whether help was asked for ({@code -machine help} lists the types;
 *                   {@code -machine pc,help} the type's options)
 */
record MachineOption(Optional<String> type, Optional<String> accel, Map<String, String> properties, boolean help) {

    MachineOption {
        // in the order they were read (QEMU's own order of the option dictionary, in which it
        // applies them and reports the first it refuses)
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    static MachineOption merge(List<String> arguments) throws CommandLineException {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        boolean help = false;
        for (String argument : arguments) {
            Keyval.Parsed parsed;
            try {
                parsed = Keyval.parseWithHelp(argument, "type");
            } catch (QmpError e) {
                throw new CommandLineException("-machine " + argument + ": " + e.desc());
            }
            help |= parsed.help();
            merged.setAll(parsed.tree());
        }
        Optional<String> type = text(merged, "type", arguments);
        if (type.isPresent() && (type.get().equals("help") || type.get().equals("?"))) {
            help = true;
            type = Optional.empty();
        }
        Optional<String> accel = text(merged, "accel", arguments);
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("type") || field.getKey().equals("accel")) {
                continue;
            }
            if (!field.getValue().isTextual()) {
                throw new CommandLineException(
                        "Parameter '" + field.getKey() + "' is not modeled as a structured value");
            }
            properties.put(field.getKey(), field.getValue().textValue());
        }
        return new MachineOption(type, accel, properties, help);
    }

    private static Optional<String> text(ObjectNode merged, String key, List<String> arguments)
            throws CommandLineException {
        JsonNode value = merged.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new CommandLineException("-machine " + arguments.get(arguments.size() - 1)
                    + ": Invalid parameter type for '" + key + "', expected: string");
        }
        return Optional.of(value.textValue());
    }
}
