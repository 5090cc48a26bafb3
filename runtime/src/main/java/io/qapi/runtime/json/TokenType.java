package io.qapi.runtime.json;

/** The kinds of token QEMU's JSON lexer produces, plus the two ways a token can fail. */
enum TokenType {
    LCURLY,
    RCURLY,
    LSQUARE,
    RSQUARE,
    COLON,
    COMMA,
    INTEGER,
    FLOAT,
    KEYWORD,
    STRING,
    /** Input no token can start with or continue with; the text is what was read of it. */
    ERROR,
    /** A token that grew past the message size limit before it ended. */
    OVERSIZED
}
