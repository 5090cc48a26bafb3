package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine switch set to a value: a boolean or on/off/auto property of the machine object
 * ({@code usb=on}, {@code acpi=off}), the options of {@code -machine TYPE,...} that decide which
 * devices a board gets. Values are written as QEMU's {@code -machine} reads them back:
 * {@code on}/{@code off} for booleans, {@code on}/{@code off}/{@code auto} for the others.
 *
 * @param property the machine property's name
 * @param value    its value, normalized
 */
public record MachineSwitch(String property, String value) {
    /** QOM property types that are switches. */
    private static final String BOOL = "bool";

    private static final String ON_OFF_AUTO = "OnOffAuto";

    /** How the pack names it: {@code usb=on}. */
    public String key() {
        return property + "=" + value;
    }

    /**
     * The switches a captured board offers, each property to every value other than the board's
     * own, in the order {@code qom-list /machine} gives the properties.
     */
    public static List<MachineSwitch> offeredBy(JsonNode board) {
        List<MachineSwitch> offered = new ArrayList<>();
        for (JsonNode property : board.path("qom-lists").path("/machine").path("return")) {
            String name = property.path("name").asText();
            String type = property.path("type").asText();
            Optional<String> own = value(board, name, type);
            if (own.isEmpty()) {
                continue;
            }
            List<String> values = type.equals(BOOL) ? List.of("on", "off") : List.of("on", "off", "auto");
            values.stream().filter(v -> !v.equals(own.get())).forEach(v -> offered.add(new MachineSwitch(name, v)));
        }
        return offered;
    }

    /**
     * The value a captured board has for {@code property}, normalized; empty when the board has
     * no such property or it is not a switch.
     */
    public static Optional<String> current(JsonNode board, String property) {
        return propertyType(board, property).flatMap(type -> value(board, property, type));
    }

    /** The board's value of {@code property}, of QOM type {@code type}, normalized. */
    private static Optional<String> value(JsonNode board, String property, String type) {
        JsonNode value = board.path("qom-machine").path(property).path("return");
        if (type.equals(BOOL) && value.isBoolean()) {
            return Optional.of(value.booleanValue() ? "on" : "off");
        }
        if (type.equals(ON_OFF_AUTO) && value.isTextual()) {
            return Optional.of(value.textValue());
        }
        return Optional.empty();
    }

    /** The QOM type of the machine's property {@code name}, as {@code qom-list /machine} gives it. */
    public static Optional<String> propertyType(JsonNode board, String name) {
        for (JsonNode property : board.path("qom-lists").path("/machine").path("return")) {
            if (property.path("name").asText().equals(name)) {
                return Optional.of(property.path("type").asText());
            }
        }
        return Optional.empty();
    }

    /** Whether a property of QOM type {@code type} is a switch. */
    public static boolean isSwitch(String type) {
        return type.equals(BOOL) || type.equals(ON_OFF_AUTO);
    }

    /**
     * The switch {@code property=text} of a property of QOM type {@code type}, read as QEMU 7.2's
     * {@code -machine} reads it.
     *
     * @throws IllegalArgumentException with QEMU's message, for a value the property refuses
     */
    public static MachineSwitch parse(String property, String type, String text) {
        if (type.equals(BOOL)) {
            try {
                return new MachineSwitch(property, Input.KEYVAL.bool(TextNode.valueOf(text), property) ? "on" : "off");
            } catch (QmpError e) {
                throw new IllegalArgumentException(e.desc());
            }
        }
        if (List.of("on", "off", "auto").contains(text)) {
            return new MachineSwitch(property, text);
        }
        throw new IllegalArgumentException("Parameter '" + property + "' does not accept value '" + text + "'");
    }
}
