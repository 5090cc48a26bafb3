package io.qapi.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what a QMP client sends, as QEMU 7.2 reads it: a stream of JSON values with no
 * framing, cut into messages by counting brackets and braces. Each complete value goes to
 * {@link Handler#message}; each failure to {@link Handler#error} with QEMU's description.
 * The quirks are QEMU's and are kept on purpose, because clients see them:
 * <ul>
 *   <li>one bad token reports {@code stray '…'} and drops what came before it in the message;
 *       what follows is read afresh, so {@code {"execute": query-version}} gives two errors;</li>
 *   <li>a surplus closing brace is a message of its own ({@code expecting value});</li>
 *   <li>a message ends only when its brackets and braces balance, so an unterminated object
 *       waits for more input; an excess of closing braces inside an open array does not end
 *       the message (QEMU 7.2 checks the bracket count twice and the brace count not at all);</li>
 *   <li>whitespace alone is no message.</li>
 * </ul>
 * Not thread-safe: one reader per connection, fed by one thread.
 */
public final class JsonStreamReader {

    /** Receives what the reader makes of the input, in input order. */
    public interface Handler {
        /** A complete JSON value (not necessarily an object). */
        void message(JsonNode message);

        /** Input that is not JSON, or over a limit; {@code desc} is QEMU's text. */
        void error(String desc);
    }

    private final Limits limits;
    private final Handler handler;
    private final JsonLexer lexer;
    private List<Token> tokens = new ArrayList<>();
    private long size;
    private int braces;
    private int brackets;

    public JsonStreamReader(Limits limits, Handler handler) {
        this.limits = limits;
        this.handler = handler;
        this.lexer = new JsonLexer(this::token, limits.maxMessageBytes());
    }

    public void feed(byte[] data, int offset, int length) {
        lexer.feed(data, offset, length);
    }

    /** Feeds the buffer's remaining bytes; it must have an accessible array. */
    public void feed(ByteBuffer buffer) {
        lexer.feed(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        buffer.position(buffer.limit());
    }

    /** Whether nothing of a message is held: no partial token, no open brackets. */
    public boolean idle() {
        return tokens.isEmpty() && lexer.idle();
    }

    /** The lexer's {@link JsonLexer.Sink}: a method of its own keeps the token types internal. */
    private void token(TokenType type, byte[] text, int length) {
        switch (type) {
            case LCURLY -> braces++;
            case RCURLY -> braces--;
            case LSQUARE -> brackets++;
            case RSQUARE -> brackets--;
            case ERROR -> {
                fail("JSON parse error, stray '" + ModifiedUtf8.lenient(text, length) + "'");
                return;
            }
            default -> {}
        }
        if (size + length + 1 > limits.maxMessageBytes()) {
            fail("JSON token size limit exceeded");
            return;
        }
        if (tokens.size() + 1 > limits.maxTokens()) {
            fail("JSON token count limit exceeded");
            return;
        }
        if (brackets + braces > limits.maxDepth()) {
            fail("JSON nesting depth limit exceeded");
            return;
        }
        tokens.add(new Token(type, Arrays.copyOf(text, length)));
        size += length;
        if ((braces > 0 || brackets > 0) && brackets >= 0) {
            return; // not complete yet
        }
        JsonNode value;
        try {
            value = JsonTextParser.parse(tokens);
        } catch (JsonTextParser.SyntaxError e) {
            fail(e.getMessage());
            return;
        }
        reset();
        handler.message(value);
    }

    private void fail(String desc) {
        reset();
        handler.error(desc);
    }

    private void reset() {
        if (tokens.size() > 4096) {
            tokens = new ArrayList<>(); // do not keep the capacity a huge message needed
        } else {
            tokens.clear();
        }
        size = 0;
        braces = 0;
        brackets = 0;
    }
}
