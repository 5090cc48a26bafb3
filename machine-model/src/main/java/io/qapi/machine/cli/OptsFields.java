package io.qapi.machine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.qom.OptionNumbers;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flat option read as QEMU 7.2's options visitor reads a struct (how {@code -numa} becomes a
 * {@code NumaOptions}): the members in the schema's order, each checked as it is visited (a
 * missing mandatory member, a number that does not parse or does not fit), then any parameter no
 * member took. Integers are read as C's {@code strtoull}/{@code strtoll} read them with base 0
 * (decimal, {@code 0x} hexadecimal, {@code 0} octal); an unsigned one may not be negative.
 */
final class OptsFields {
    /** How a member's text is read. */
    enum Kind {
        UINT8(8),
        UINT16(16),
        INT64(64),
        SIZE(0),
        STRING(0),
        RAW(0);

        private final int bits;

        Kind(int bits) {
            this.bits = bits;
        }
    }

    /** A member of the struct: its name, how it is read, and whether it must be given. */
    record Member(String name, Kind kind, boolean mandatory) {
        static Member optional(String name, Kind kind) {
            return new Member(name, kind, false);
        }

        static Member mandatory(String name, Kind kind) {
            return new Member(name, kind, true);
        }
    }

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private OptsFields() {}

    /**
     * The members given, by name ({@code Long} for integers and sizes, {@code String} otherwise),
     * from {@code tree}, whose {@code discriminator} key (the union's tag) is not a member.
     *
     * @throws IllegalArgumentException with QEMU's message for the first thing refused
     */
    static Map<String, Object> read(ObjectNode tree, String discriminator, List<Member> members) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Member member : members) {
            JsonNode value = tree.get(member.name());
            if (value == null) {
                if (member.mandatory()) {
                    throw new IllegalArgumentException("Parameter '" + member.name() + "' is missing");
                }
                continue;
            }
            values.put(member.name(), value(member, value.asText()));
        }
        for (Iterator<String> keys = tree.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals(discriminator)
                    && members.stream().noneMatch(m -> m.name().equals(key))) {
                throw new IllegalArgumentException("Invalid parameter '" + key + "'");
            }
        }
        return values;
    }

    private static Object value(Member member, String text) {
        String parameter = "Parameter '" + member.name() + "' ";
        switch (member.kind()) {
            case UINT8, UINT16 -> {
                BigInteger number = integer(text)
                        .filter(n -> n.signum() >= 0 && n.compareTo(UINT64_LIMIT) < 0)
                        .orElseThrow(() -> new IllegalArgumentException(parameter + "expects a uint64 value"));
                if (number.bitLength() > member.kind().bits) {
                    throw new IllegalArgumentException(parameter + "expects uint" + member.kind().bits + "_t");
                }
                return number.longValue();
            }
            case INT64 -> {
                return integer(text)
                        .filter(n -> n.compareTo(INT64_MIN) >= 0 && n.compareTo(INT64_MAX) <= 0)
                        .orElseThrow(() -> new IllegalArgumentException(parameter + "expects an int64 value"))
                        .longValue();
            }
            case SIZE -> {
                BigInteger bytes = SizeParser.parse(text, 1);
                if (bytes == null) {
                    throw new IllegalArgumentException(parameter + "expects a size value");
                }
                return bytes.longValue();
            }
            default -> {
                return text;
            }
        }
    }

    /** An integer as {@code strtoll} reads a whole string with base 0; empty when it does not. */
    static Optional<BigInteger> integer(String text) {
        return OptionNumbers.parse(text);
    }

    /** QEMU's boolean option values ({@code on}/{@code yes}/{@code true}/{@code y} and their opposites); empty for any other. */
    static Optional<Boolean> bool(String value) {
        return switch (value) {
            case "on", "yes", "true", "y" -> Optional.of(true);
            case "off", "no", "false", "n" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
