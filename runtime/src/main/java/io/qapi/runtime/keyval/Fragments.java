package io.qapi.runtime.keyval;

/**
 * The two kinds of key fragment: QAPI names and list indexes. Only ASCII letters and digits
 * count, as with QEMU's character classes, so keys are always ASCII.
 */
final class Fragments {
    private Fragments() {}

    /**
     * The length of the QAPI name at {@code s[from, end)}, or 0 if there is none: an optional
     * downstream prefix {@code "__" RFQDN "_"}, then a letter and any letters, digits, {@code '-'}
     * and {@code '_'}. The prefix may contain {@code '.'}, so {@code __com.example_x.y} is the
     * name {@code __com.example_x} followed by the fragment {@code y}; it may also be empty.
     */
    static int nameLength(String s, int from, int end) {
        int p = from;
        if (charAt(s, p, end) == '_') {
            if (charAt(s, p + 1, end) != '_') {
                return 0;
            }
            p += 2;
            while (isAlnum(charAt(s, p, end)) || charAt(s, p, end) == '-' || charAt(s, p, end) == '.') {
                p++;
            }
            if (charAt(s, p, end) != '_') {
                return 0;
            }
            p++;
        }
        if (!isAlpha(charAt(s, p, end))) {
            return 0;
        }
        p++;
        while (isAlnum(charAt(s, p, end)) || charAt(s, p, end) == '-' || charAt(s, p, end) == '_') {
            p++;
        }
        return p - from;
    }

    static boolean isDigit(String s, int at, int end) {
        char c = charAt(s, at, end);
        return c >= '0' && c <= '9';
    }

    /** The number of decimal digits at {@code s[from, end)}. */
    static int digitsLength(String s, int from, int end) {
        int p = from;
        while (isDigit(s, p, end)) {
            p++;
        }
        return p - from;
    }

    /**
     * The list index a member name stands for, or -1 if it is not all digits. Large numbers are
     * capped at {@link Integer#MAX_VALUE}, as in QEMU; they can only ever be reported missing.
     */
    static int index(String name) {
        if (name.isEmpty() || digitsLength(name, 0, name.length()) != name.length()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length() && value <= Integer.MAX_VALUE; i++) {
            value = value * 10 + (name.charAt(i) - '0');
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** The character at {@code i}, or NUL past {@code end} (no valid fragment contains NUL). */
    private static char charAt(String s, int i, int end) {
        return i < end ? s.charAt(i) : '\0';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9');
    }
}
