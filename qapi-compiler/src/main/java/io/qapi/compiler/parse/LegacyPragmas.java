package io.qapi.compiler.parse;

/**
 * The pragma names of older releases. QEMU 2.9 introduced the pragmas {@code returns-whitelist}
 * and {@code name-case-whitelist}; QEMU 6.0 renamed them to {@code command-returns-exceptions}
 * and {@code member-name-exceptions}, with the same meaning. Leniently, the old names are read
 * as the new ones.
 */
final class LegacyPragmas {
    private LegacyPragmas() {}

    /** The current name of a pragma; names that were never renamed stay as they are. */
    static String currentName(String name) {
        return switch (name) {
            case "returns-whitelist" -> "command-returns-exceptions";
            case "name-case-whitelist" -> "member-name-exceptions";
            default -> name;
        };
    }
}
