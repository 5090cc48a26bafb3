package io.qapi.runtime.json;

/** One token of a message being read: its kind and its bytes as they came. */
record Token(TokenType type, byte[] text) {
}
