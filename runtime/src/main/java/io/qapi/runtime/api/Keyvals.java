package io.qapi.runtime.api;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Scalar conversion for values given in keyval syntax, where everything is a string. */
final class Keyvals {
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private Keyvals() {}

    private static String display(String path) {
        return path.isEmpty() ? "null" : path;
    }

    /**
     * An integer as QEMU's keyval input reads it: decimal, or hexadecimal with {@code 0x}; for
     * sizes also a fraction with a suffix (k, M, G, T, P, E: powers of 1024).
     */
    static long parseInteger(String text, String path, boolean size) {
        try {
            if (size) {
                return parseSize(text);
            }
            String t = text.trim();
            if (!t.equals(text) || t.isEmpty()) {
                throw new NumberFormatException();
            }
            boolean negative = t.startsWith("-");
            String digits = negative || t.startsWith("+") ? t.substring(1) : t;
            BigInteger value = digits.startsWith("0x") || digits.startsWith("0X")
                    ? new BigInteger(digits.substring(2), 16)
                    : new BigInteger(digits, 10);
            if (negative) {
                value = value.negate();
            }
            if (value.bitLength() > 64 || (value.signum() > 0 && value.compareTo(TWO_TO_64) >= 0)) {
                throw new NumberFormatException();
            }
            return value.longValue();
        } catch (NumberFormatException e) {
            throw QmpError.generic("Parameter '" + display(path) + "' expects " + (size ? "a size value" : "integer"));
        }
    }

    private static long parseSize(String text) {
        if (text.isEmpty() || text.startsWith("-") || Character.isWhitespace(text.charAt(0))) {
            throw new NumberFormatException();
        }
        int end = text.length();
        long unit = 1;
        char last = text.charAt(end - 1);
        int power = "BKMGTPE".indexOf(Character.toUpperCase(last));
        if (power >= 0 && !Character.isDigit(last)) {
            unit = 1L << (10 * power);
            end--;
        }
        String number = text.substring(0, end);
        BigDecimal value = number.startsWith("0x") || number.startsWith("0X")
                ? new BigDecimal(new BigInteger(number.substring(2), 16))
                : new BigDecimal(number);
        BigInteger bytes = value.multiply(BigDecimal.valueOf(unit)).toBigInteger();
        if (bytes.signum() < 0 || bytes.compareTo(TWO_TO_64) >= 0) {
            throw new NumberFormatException();
        }
        return bytes.longValue();
    }

    static double parseNumber(String text, String path) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && !text.isBlank()) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw QmpError.generic("Parameter '" + display(path) + "' expects a number");
    }
}
