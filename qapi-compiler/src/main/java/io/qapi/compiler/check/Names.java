package io.qapi.compiler.check;

import java.util.Set;
import java.util.regex.Pattern;

/** QAPI's naming rules and QEMU's mapping of names to C identifiers, used for clash checks. */
public final class Names {
    private static final Pattern VALID =
            Pattern.compile("(__[a-z0-9.-]+_)?(x-)?([a-z][a-z0-9_-]*)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> PROTECTED = Set.of(
            // C89
            "auto",
            "break",
            "case",
            "char",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extern",
            "float",
            "for",
            "goto",
            "if",
            "int",
            "long",
            "register",
            "return",
            "short",
            "signed",
            "sizeof",
            "static",
            "struct",
            "switch",
            "typedef",
            "union",
            "unsigned",
            "void",
            "volatile",
            "while",
            // C99, C11, GCC
            "inline",
            "restrict",
            "_Bool",
            "_Complex",
            "_Imaginary",
            "_Alignas",
            "_Alignof",
            "_Atomic",
            "_Generic",
            "_Noreturn",
            "_Static_assert",
            "_Thread_local",
            "asm",
            "typeof",
            // C++
            "bool",
            "catch",
            "class",
            "const_cast",
            "delete",
            "dynamic_cast",
            "explicit",
            "false",
            "friend",
            "mutable",
            "namespace",
            "new",
            "operator",
            "private",
            "protected",
            "public",
            "reinterpret_cast",
            "static_cast",
            "template",
            "this",
            "throw",
            "true",
            "try",
            "typeid",
            "typename",
            "using",
            "virtual",
            "wchar_t",
            "and",
            "and_eq",
            "bitand",
            "bitor",
            "compl",
            "not",
            "not_eq",
            "or",
            "or_eq",
            "xor",
            "xor_eq",
            // names predefined as macros on some hosts
            "unix",
            "errno",
            "mips",
            "sparc",
            "i386",
            "linux");

    private Names() {}

    /** QEMU's {@code c_name(name, protect)}. */
    public static String cName(String name, boolean protect) {
        String c = mapToC(name);
        if (protect && (PROTECTED.contains(c) || (!c.isEmpty() && Character.isDigit(c.charAt(0))))) {
            return "q_" + c;
        }
        return c;
    }

    public static String cName(String name) {
        return cName(name, true);
    }

    private static String mapToC(String name) {
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            boolean ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
            if (!ok) {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = '_';
            }
        }
        return chars == null ? name : new String(chars);
    }

    /** The stem of a valid name (without downstream and {@code x-} prefixes), or {@code null}. */
    static String stem(String name) {
        var m = VALID.matcher(name);
        if (!m.matches() || cName(name, false).startsWith("q_")) {
            return null;
        }
        return m.group(3);
    }
}
