package io.qapi.runtime.json;

/**
 * QEMU's reading of UTF-8 in JSON text, which is "modified" UTF-8: U+0000 may also come as the
 * two bytes C0 80. A sequence is refused when it is cut short, overlong (other than C0 80),
 * beyond U+10FFFF, a surrogate, or one of Unicode's 66 noncharacters; QEMU rejects such strings
 * on input and writes U+FFFD for them on output.
 */
final class ModifiedUtf8 {
    private static final int[] MIN_CODE_POINT = {0x80, 0x800, 0x10000, 0x200000, 0x4000000};

    private ModifiedUtf8() {}

    /**
     * Decodes the sequence at {@code pos}. Returns the code point, or -1 when the sequence is
     * not valid; either way {@code next[0]} is set to where the next sequence starts, counted
     * as QEMU counts it (a cut-short sequence ends where its continuation bytes end).
     */
    static int decode(byte[] s, int pos, int limit, int[] next) {
        if (pos >= limit || s[pos] == 0) {
            next[0] = pos;
            return -1;
        }
        int first = s[pos] & 0xFF;
        next[0] = pos + 1;
        if (first < 0x80) {
            return first;
        }
        if (first >= 0xFE || (first & 0x40) == 0) {
            return -1; // impossible byte, or a continuation byte where a sequence should start
        }
        int length = Integer.numberOfLeadingZeros(~(first << 24));
        int cp = first & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int b = pos + i < limit ? s[pos + i] & 0xFF : 0;
            if ((b & 0xC0) != 0x80) {
                next[0] = pos + i;
                return -1;
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        next[0] = pos + length;
        if (cp > 0x10FFFF || nonCharacter(cp) || surrogate(cp)) {
            return -1;
        }
        if (cp < MIN_CODE_POINT[length - 2] && !(cp == 0 && length == 2)) {
            return -1;
        }
        return cp;
    }

    /** Whether QEMU accepts the code point in a string ({@code \\u} escapes included). */
    static boolean valid(int cp) {
        return cp >= 0 && cp <= 0x10FFFF && !nonCharacter(cp) && !surrogate(cp);
    }

    static boolean nonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    static boolean surrogate(int cp) {
        return cp >= 0xD800 && cp <= 0xDFFF;
    }

    /**
     * Bytes as QEMU shows them in a message: as a C string (up to the first zero byte), with
     * U+FFFD for each sequence it cannot read.
     */
    static String lenient(byte[] s, int length) {
        StringBuilder out = new StringBuilder(length);
        int[] next = new int[1];
        int pos = 0;
        while (pos < length && s[pos] != 0) {
            int cp = decode(s, pos, length, next);
            out.appendCodePoint(cp < 0 ? 0xFFFD : cp);
            pos = next[0];
        }
        return out.toString();
    }
}
