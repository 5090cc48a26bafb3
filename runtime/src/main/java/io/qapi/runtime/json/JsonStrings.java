package io.qapi.runtime.json;

import java.util.Arrays;

/**
 * Decodes a string token, quotes included, as QEMU's parser does: the JSON escapes plus
 * {@code \'}; {@code \\u} escapes with surrogate pairs; modified UTF-8 in the text. Messages
 * are QEMU's.
 */
final class JsonStrings {
    private JsonStrings() {}

    static String decode(byte[] s) throws JsonTextParser.SyntaxError {
        int quote = s[0];
        StringBuilder out = new StringBuilder(s.length);
        int[] next = new int[1];
        int pos = 1;
        while (pos < s.length && s[pos] != quote) {
            if (s[pos] != '\\') {
                int cp = ModifiedUtf8.decode(s, pos, s.length, next);
                if (cp < 0) {
                    throw error("invalid UTF-8 sequence in string");
                }
                out.appendCodePoint(cp);
                pos = next[0];
                continue;
            }
            int begin = pos;
            int escape = at(s, pos + 1);
            pos += 2;
            switch (escape) {
                case '"':
                case '\'':
                case '\\':
                case '/':
                    out.append((char) escape);
                    break;
                case 'b':
                    out.append('\b');
                    break;
                case 'f':
                    out.append('\f');
                    break;
                case 'n':
                    out.append('\n');
                    break;
                case 'r':
                    out.append('\r');
                    break;
                case 't':
                    out.append('\t');
                    break;
                case 'u':
                    pos = unicode(s, begin, pos, out);
                    break;
                default:
                    throw error("invalid escape sequence in string");
            }
        }
        return out.toString();
    }

    /** Reads the four hex digits after {@code \\u} (and a trailing surrogate's escape). */
    private static int unicode(byte[] s, int begin, int pos, StringBuilder out) throws JsonTextParser.SyntaxError {
        int cp = hex4(s, pos);
        pos += 4;
        if (cp >= 0xD800 && cp <= 0xDBFF && at(s, pos) == '\\' && at(s, pos + 1) == 'u') {
            int trailing = hex4(s, pos + 2);
            if (trailing >= 0xDC00 && trailing <= 0xDFFF) {
                cp = 0x10000 + ((cp & 0x3FF) << 10) + (trailing & 0x3FF);
                pos += 6;
            } else {
                cp = -1;
            }
        }
        if (!ModifiedUtf8.valid(cp)) {
            // QEMU quotes the escape as written, up to where it stopped reading.
            byte[] written = Arrays.copyOfRange(s, begin, Math.min(pos, s.length));
            throw error(ModifiedUtf8.lenient(written, written.length) + " is not a valid Unicode character");
        }
        out.appendCodePoint(cp);
        return pos;
    }

    private static int hex4(byte[] s, int pos) {
        int cp = 0;
        for (int i = 0; i < 4; i++) {
            int digit = hexDigit(at(s, pos + i));
            if (digit < 0) {
                return -1;
            }
            cp = (cp << 4) | digit;
        }
        return cp;
    }

    private static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    /** The byte at {@code pos}, or 0 past the end, like the terminator of QEMU's C string. */
    private static int at(byte[] s, int pos) {
        return pos < s.length ? s[pos] & 0xFF : 0;
    }

    private static JsonTextParser.SyntaxError error(String message) {
        return new JsonTextParser.SyntaxError("JSON parse error, " + message);
    }
}
