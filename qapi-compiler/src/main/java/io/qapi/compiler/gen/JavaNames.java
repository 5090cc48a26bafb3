package io.qapi.compiler.gen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * How QAPI names become Java names. QAPI names use lower case with '-' (members, commands),
 * CamelCase (types) or upper case with '_' (events); they may carry a downstream prefix
 * ({@code __com.example_}) or {@code x-}. Java gets PascalCase types, camelCase members and
 * methods, UPPER_SNAKE constants; a name that is a Java keyword gets a trailing underscore, and
 * one that starts with a digit a letter in front.
 */
public final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "non-sealed",
            "_");

    private JavaNames() {}

    /** Splits a QAPI name into words at '-', '_', '.', and drops the empty ones. */
    private static String[] words(String name) {
        return name.split("[^A-Za-z0-9]+");
    }

    /** {@code block-dirty-bitmap} → {@code BlockDirtyBitmap}; {@code BlockdevOptions} stays. */
    public static String pascal(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(name)) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            }
        }
        return safe(sb.toString(), "T");
    }

    /** {@code SHUTDOWN_REASON} → {@code ShutdownReason}: for names written in upper case. */
    public static String pascalFromUpper(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(name)) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0)))
                        .append(w.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return safe(sb.toString(), "T");
    }

    /** {@code flow-rate} → {@code flowRate}; {@code x-perf} → {@code xPerf}; {@code ACPI_OST} → {@code acpiOST}. */
    public static String camel(String name) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(name)) {
            if (w.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                boolean allCaps = w.equals(w.toUpperCase(Locale.ROOT));
                sb.append(allCaps ? w.toLowerCase(Locale.ROOT) : Character.toLowerCase(w.charAt(0)) + w.substring(1));
            } else {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
            }
        }
        return keywordSafe(safe(sb.toString(), "v"));
    }

    /** {@code rain-tank} → {@code RAIN_TANK}; {@code 1920x1080} → {@code V1920X1080}. */
    public static String constant(String name) {
        String c = String.join(
                        "_",
                        Arrays.stream(words(name)).filter(w -> !w.isEmpty()).toList())
                .toUpperCase(Locale.ROOT);
        if (c.isEmpty() || !Character.isLetter(c.charAt(0))) {
            c = "V" + c;
        }
        return c;
    }

    /** A Java package segment for a schema module file ({@code block-core.json} → {@code block_core}). */
    public static String packageSegment(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "m" + s;
        }
        return KEYWORDS.contains(s) ? s + "_" : s;
    }

    private static String safe(String s, String prefix) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return prefix + s;
        }
        return s;
    }

    public static String keywordSafe(String s) {
        return KEYWORDS.contains(s) ? s + "_" : s;
    }
}
