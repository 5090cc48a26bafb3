package io.qapi.runtime.json;

/**
 * How much one QMP message may hold before the reader refuses it. Over a limit, the message is
 * dropped with QEMU's error text ({@code JSON token size limit exceeded}, {@code JSON token
 * count limit exceeded}, {@code JSON nesting depth limit exceeded}) and reading goes on with
 * the input that follows, as in QEMU.
 *
 * @param maxMessageBytes the bytes of one message's tokens, plus one per token (whitespace is
 *                        not counted); also bounds a single token still being read
 * @param maxTokens       the tokens of one message
 * @param maxDepth        open brackets and braces at once
 */
public record Limits(long maxMessageBytes, int maxTokens, int maxDepth) {

    /** QEMU's own limits: 64 MiB, 2 Mi tokens, depth 1024. */
    public static final Limits QEMU = new Limits(64L << 20, 2 << 20, 1024);

    /**
     * The default: QEMU's, except 1 MiB per message. A server holds one partial message per
     * connection, and hundreds of connections times 64 MiB is more memory than such a server
     * should promise; no real command comes near 1 MiB.
     */
    public static final Limits DEFAULT = new Limits(1L << 20, 2 << 20, 1024);

    public Limits {
        if (maxMessageBytes < 16 || maxTokens < 1 || maxDepth < 1) {
            throw new IllegalArgumentException(
                    "limits too small: " + maxMessageBytes + " bytes, " + maxTokens + " tokens, depth " + maxDepth);
        }
    }
}
