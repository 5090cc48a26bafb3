package io.qapi.compiler.parse;

/** Character classes as Python defines them, where QEMU's reader relies on Python's. */
final class PythonText {
    private PythonText() {}

    /** Python's {@code str.isspace()} for one character. */
    static boolean isSpace(int ch) {
        return switch (ch) {
            case ' ',
                    '\t',
                    '\n',
                    '\r',
                    0x0B,
                    0x0C,
                    0x1C,
                    0x1D,
                    0x1E,
                    0x1F,
                    0x85,
                    0xA0,
                    0x1680,
                    0x2028,
                    0x2029,
                    0x202F,
                    0x205F,
                    0x3000 -> true;
            default -> ch >= 0x2000 && ch <= 0x200A;
        };
    }

    /** The length of the leading run of Python whitespace. */
    static int indent(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Python's {@code str.rstrip()}. */
    static String rstrip(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
