package io.qapi.compiler.vocabulary;

import java.util.Locale;

/** The kinds of section a documentation comment has. */
public enum DocKind {
    PLAIN,
    MEMBER,
    FEATURE,
    RETURNS,
    ERRORS,
    SINCE,
    TODO;

    /** The name QEMU prints: the constant in title case ("Returns", "Todo"). */
    public String title() {
        String n = name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }

    public static DocKind ofTag(String tag) {
        return valueOf(tag.toUpperCase(Locale.ROOT));
    }
}
