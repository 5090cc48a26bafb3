package io.qapi.machine.cli;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Sizes as QEMU's option parser reads them: a non-negative decimal number (a fraction is allowed
 * with a suffix), optionally followed by one of {@code B k M G T P E} (powers of 1024; case
 * matters only in that {@code b} and {@code B} both mean bytes), below 2^64.
 */
final class SizeParser {
    /** QEMU's message for a size it cannot read, after {@code "Parameter 'NAME' "}. */
    static final String HINT = "expects a non-negative number below 2^64\n"
            + "Optional suffix k, M, G, T, P or E means kilo-, mega-, giga-, tera-, peta-\n"
            + "and exabytes, respectively.";

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(64);

    private SizeParser() {}

    /**
     * The size in bytes, with {@code defaultUnit} (a power of 1024) applied when no suffix is
     * given; null when QEMU would refuse the text.
     */
    static BigInteger parse(String text, long defaultUnit) {
        int end = 0;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        if (end == 0) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(text.substring(0, end));
        } catch (NumberFormatException e) {
            return null;
        }
        String suffix = text.substring(end);
        long unit;
        if (suffix.isEmpty()) {
            unit = defaultUnit;
        } else if (suffix.length() == 1) {
            unit = unit(suffix.charAt(0));
            if (unit == 0) {
                return null;
            }
        } else {
            return null;
        }
        if (unit == 1 && number.scale() > 0 && number.stripTrailingZeros().scale() > 0) {
            return null; // a fraction of a byte
        }
        BigInteger bytes = number.multiply(BigDecimal.valueOf(unit)).toBigInteger();
        return bytes.compareTo(LIMIT) >= 0 ? null : bytes;
    }

    private static long unit(char suffix) {
        return switch (suffix) {
            case 'b', 'B' -> 1L;
            case 'k', 'K' -> 1L << 10;
            case 'm', 'M' -> 1L << 20;
            case 'g', 'G' -> 1L << 30;
            case 't', 'T' -> 1L << 40;
            case 'p', 'P' -> 1L << 50;
            case 'e', 'E' -> 1L << 60;
            default -> 0;
        };
    }
}
