package io.qapi.machine.qom;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Numbers in QEMU's option values, read as {@code strtoll} with base 0 reads a whole string:
 * an optional sign, then decimal, {@code 0x} hexadecimal or {@code 0} octal digits. The command
 * line's options and a device's properties given as text both read them so.
 */
public final class OptionNumbers {
    private OptionNumbers() {}

    /** The number {@code text} is, sign applied; empty when it is not one whole number. */
    public static Optional<BigInteger> parse(String text) {
        String digits = text;
        boolean negative = digits.startsWith("-");
        if (negative || digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || !Character.isLetterOrDigit(digits.charAt(0))) {
            return Optional.empty();
        }
        try {
            BigInteger number = new BigInteger(digits, radix);
            return Optional.of(negative ? number.negate() : number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
