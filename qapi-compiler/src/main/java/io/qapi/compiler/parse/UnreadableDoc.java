package io.qapi.compiler.parse;

/**
 * Leniently, a documentation comment that breaks a rule: its reader keeps the block as plain
 * text instead of rejecting the schema.
 */
final class UnreadableDoc extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnreadableDoc() {
        super(null, null, false, false);
    }
}
