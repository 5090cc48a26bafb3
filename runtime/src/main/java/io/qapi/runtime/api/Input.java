package io.qapi.runtime.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How JSON is read into generated types. There are three ways, as in QEMU:
 * <ul>
 *   <li>{@link #STRICT}, a QMP server reading arguments: exactly QEMU's input visitor, with its
 *       messages ({@code Parameter 'x' is missing}, {@code Invalid parameter type for 'x',
 *       expected: string}, {@code Parameter 'x' is unexpected}, …);</li>
 *   <li>{@link #LENIENT}, a client reading replies and events of a possibly newer QEMU: unknown
 *       members, enum values and union branches are kept, so they survive a round trip;</li>
 *   <li>{@link #KEYVAL}, reading QEMU's {@code key=value} option syntax, where every scalar
 *       arrives as a string and is converted according to the member's type.</li>
 * </ul>
 * Errors are {@link QmpError}s of class {@code GenericError}.
 */
public final class Input {
    public static final Input STRICT = new Input(Mode.STRICT);
    public static final Input LENIENT = new Input(Mode.LENIENT);
    public static final Input KEYVAL = new Input(Mode.KEYVAL);

    /** The three ways of reading. */
    public enum Mode {
        STRICT,
        LENIENT,
        KEYVAL
    }

    private final Mode mode;

    private Input(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() {
        return mode;
    }

    public boolean lenient() {
        return mode == Mode.LENIENT;
    }

    /** The path of a member, as QEMU names it in messages. */
    public static String member(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The path of a list element. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** QEMU says "null" for a value without a name. */
    private static String display(String path) {
        return path.isEmpty() ? "null" : path;
    }

    /**
     * The value's own name, without the names of what contains it: some of QEMU's messages use
     * that (a list element has none, so "null").
     */
    public static String bareName(String path) {
        if (path.isEmpty() || path.endsWith("]")) {
            return "null";
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public QmpError invalidType(String path, String expected) {
        return QmpError.generic("Invalid parameter type for '" + display(path) + "', expected: " + expected);
    }

    public QmpError invalidValue(String path, String expected) {
        return QmpError.generic("Parameter '" + display(path) + "' expects " + expected);
    }

    public QmpError missing(String path) {
        return QmpError.generic("Parameter '" + display(path) + "' is missing");
    }

    public QmpError unexpected(String path) {
        return QmpError.generic("Parameter '" + display(path) + "' is unexpected");
    }

    /** QEMU names the member alone here, not its path. */
    public QmpError badEnumValue(String path, String value) {
        return QmpError.generic("Parameter '" + bareName(path) + "' does not accept value '" + value + "'");
    }

    // ---- structure ----

    /** Starts reading an object's members. */
    public ObjectReader object(JsonNode json, String path) {
        if (!(json instanceof ObjectNode object)) {
            throw invalidType(path, "object");
        }
        return new ObjectReader(this, object, path);
    }

    public <T> List<T> list(JsonNode json, String path, Decoder<T> element) {
        if (!(json instanceof ArrayNode array)) {
            throw invalidType(path, "array");
        }
        List<T> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(element.decode(this, array.get(i), element(path, i)));
        }
        return List.copyOf(out);
    }

    // ---- scalars ----

    public String string(JsonNode json, String path) {
        if (!json.isTextual()) {
            throw invalidType(path, "string");
        }
        return json.textValue();
    }

    public boolean bool(JsonNode json, String path) {
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (mode == Mode.KEYVAL && json.isTextual()) {
            switch (json.textValue()) {
                case "on", "yes", "true", "y":
                    return true;
                case "off", "no", "false", "n":
                    return false;
                default:
                    throw QmpError.generic("Parameter '" + display(path) + "' expects 'on' or 'off'");
            }
        }
        throw invalidType(path, "boolean");
    }

    /**
     * A signed integer in [min, max], read as QEMU reads it: first as a 64-bit integer (a number
     * that is not one is the wrong type, named by its path), then checked against the range
     * ({@code typeName}, e.g. "int8_t", named by the member alone).
     */
    public long integer(JsonNode json, String path, long min, long max, String typeName) {
        long value;
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            value = json.longValue();
        } else if (mode == Mode.KEYVAL && json.isTextual()) {
            value = Keyvals.parseInteger(json.textValue(), path, false);
        } else {
            throw invalidType(path, "integer");
        }
        if (value < min || value > max) {
            throw invalidValue(bareName(path), typeName);
        }
        return value;
    }

    /**
     * An unsigned integer below 2^32 ({@code uint8} … {@code uint32}): read as a {@code uint64},
     * then checked against the range, as QEMU does.
     */
    public long unsignedInRange(JsonNode json, String path, long max, String typeName) {
        long value = unsigned(json, path, false);
        if (Long.compareUnsigned(value, max) > 0) {
            throw invalidValue(bareName(path), typeName);
        }
        return value;
    }

    /**
     * An unsigned 64-bit integer ({@code uint64}, {@code size}), held in a {@code long} with
     * unsigned meaning: values above {@link Long#MAX_VALUE} come out negative. Like QEMU, a
     * negative number that fits 64 bits is taken as its two's complement.
     */
    public long unsigned(JsonNode json, String path, boolean size) {
        if (json.isIntegralNumber()) {
            BigInteger big = json.bigIntegerValue();
            if (big.signum() < 0 ? big.bitLength() > 63 : big.bitLength() > 64) {
                throw invalidValue(path, "uint64");
            }
            return big.longValue();
        }
        if (mode == Mode.KEYVAL && json.isTextual()) {
            return Keyvals.parseInteger(json.textValue(), path, size);
        }
        throw invalidValue(path, "uint64");
    }

    public double number(JsonNode json, String path) {
        if (json.isNumber()) {
            return json.doubleValue();
        }
        if (mode == Mode.KEYVAL && json.isTextual()) {
            return Keyvals.parseNumber(json.textValue(), path);
        }
        throw invalidType(path, "number");
    }

    public QNull nul(JsonNode json, String path) {
        if (json.isNull()) {
            return QNull.INSTANCE;
        }
        if (mode == Mode.KEYVAL && json.isTextual() && json.textValue().isEmpty()) {
            return QNull.INSTANCE;
        }
        throw invalidType(path, "null");
    }

    public JsonNode any(JsonNode json, String path) {
        return json;
    }

    /**
     * An enum value. A value this code does not know is an error when strict; when lenient it
     * reads as {@code unknown}, and the enclosing object keeps the original.
     */
    public <E extends QapiEnum> E enumValue(JsonNode json, String path, Function<String, E> byWireName, E unknown) {
        if (!json.isTextual()) {
            throw invalidType(path, "string");
        }
        E value = byWireName.apply(json.textValue());
        if (value != null) {
            return value;
        }
        if (mode == Mode.LENIENT && unknown != null) {
            return unknown;
        }
        throw badEnumValue(path, json.textValue());
    }
}
