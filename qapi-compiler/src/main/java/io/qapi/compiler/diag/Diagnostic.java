package io.qapi.compiler.diag;

import io.qapi.compiler.source.SourceInfo;

/**
 * One error in a schema, formatted exactly as QEMU formats it.
 *
 * @param info    where, or {@code null} for errors without a location (an unreadable root file)
 * @param column  1-based column for lexical, syntax and documentation errors; 0 when QEMU prints none
 * @param message the message, possibly several lines
 */
public record Diagnostic(SourceInfo info, int column, String message) {

    public static Diagnostic at(SourceInfo info, String message) {
        return new Diagnostic(info, 0, message);
    }

    /** The diagnostic as QEMU prints it, without a trailing newline. */
    public String format() {
        if (info == null) {
            return message;
        }
        String loc = info.toString();
        if (column > 0) {
            loc += ":" + column;
        }
        return loc + ": " + message;
    }

    /** The 1-based line, or 0. */
    public int line() {
        return info == null ? 0 : info.line();
    }

    /** The file as opened, or {@code null}. */
    public String file() {
        return info == null ? null : info.file();
    }

    @Override
    public String toString() {
        return format();
    }
}
