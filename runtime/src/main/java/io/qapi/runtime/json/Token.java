package io.qapi.runtime.json;

/** One token of a message being read: its kind and its bytes as they came. */
// The bytes are the reader's own copy, read and never changed: a token's equality is not used.
@SuppressWarnings("ArrayRecordComponent")
record Token(TokenType type, byte[] text) {}
