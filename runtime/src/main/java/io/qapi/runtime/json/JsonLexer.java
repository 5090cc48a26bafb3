package io.qapi.runtime.json;

import java.util.Arrays;

/**
 * Splits QMP input into tokens the way QEMU's JSON lexer does, byte by byte, so that broken
 * input fails exactly where it fails in QEMU:
 * <ul>
 *   <li>strings in double or single quotes; any escape is accepted here and judged by the
 *       parser; control characters and the bytes 0xFE and 0xFF end a string in an error;</li>
 *   <li>keywords are any run of {@code a}–{@code z}; the parser knows which ones exist;</li>
 *   <li>a byte that cannot continue a token is kept in the token and reported with it
 *       ({@code stray '-v'}); then input is skipped up to a byte where a message may start
 *       again: a structural character, a control character other than tab, or 0xFE/0xFF.</li>
 * </ul>
 * Not thread-safe: one lexer per connection, fed by one thread.
 */
final class JsonLexer {

    /** Receives each token; {@code text} is only valid during the call. */
    interface Sink {
        void token(TokenType type, byte[] text, int length);
    }

    private static final int START = 0;
    private static final int RECOVERY = 1;
    private static final int DQ = 2;
    private static final int DQ_ESCAPE = 3;
    private static final int SQ = 4;
    private static final int SQ_ESCAPE = 5;
    private static final int ZERO = 6;
    private static final int SIGN = 7;
    private static final int DIGITS = 8;
    private static final int MANTISSA = 9;
    private static final int MANTISSA_DIGITS = 10;
    private static final int EXP_E = 11;
    private static final int EXP_SIGN = 12;
    private static final int EXP_DIGITS = 13;
    private static final int KEYWORD = 14;

    private final Sink sink;
    private final long maxTokenBytes;
    private byte[] text = new byte[64];
    private int size;
    private int state = START;

    JsonLexer(Sink sink, long maxTokenBytes) {
        this.sink = sink;
        this.maxTokenBytes = maxTokenBytes;
    }

    void feed(byte[] data, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int c = data[i] & 0xFF;
            while (!advance(c)) {
                // c ended the token before it and now starts (or skips to) the next one
            }
            if (size > maxTokenBytes) {
                // A token that never ends must not hold memory without bound: hand it over
                // as it is, to be refused, and read on as if a new token started.
                sink.token(TokenType.OVERSIZED, text, size);
                clear();
                state = START;
            }
        }
    }

    /** Whether the lexer is between tokens, with nothing held. */
    boolean idle() {
        return state == START && size == 0;
    }

    /** Returns false when {@code c} was not consumed and must be looked at again. */
    private boolean advance(int c) {
        switch (state) {
            case START:
                return start(c);
            case RECOVERY:
                if (resynchronizes(c)) {
                    state = START;
                    return false;
                }
                return true;
            case DQ:
                return inString(c, '"', DQ_ESCAPE);
            case SQ:
                return inString(c, '\'', SQ_ESCAPE);
            case DQ_ESCAPE:
                return printable(c) ? append(c, DQ) : error(c);
            case SQ_ESCAPE:
                return printable(c) ? append(c, SQ) : error(c);
            case ZERO:
                if (c == '.') {
                    return append(c, MANTISSA);
                }
                return digit(c) ? error(c) : end(TokenType.INTEGER);
            case SIGN:
                if (c == '0') {
                    return append(c, ZERO);
                }
                return (c >= '1' && c <= '9') ? append(c, DIGITS) : error(c);
            case DIGITS:
                if (digit(c)) {
                    return append(c, DIGITS);
                }
                if (c == '.') {
                    return append(c, MANTISSA);
                }
                return (c == 'e' || c == 'E') ? append(c, EXP_E) : end(TokenType.INTEGER);
            case MANTISSA:
                return digit(c) ? append(c, MANTISSA_DIGITS) : error(c);
            case MANTISSA_DIGITS:
                if (digit(c)) {
                    return append(c, MANTISSA_DIGITS);
                }
                return (c == 'e' || c == 'E') ? append(c, EXP_E) : end(TokenType.FLOAT);
            case EXP_E:
                if (c == '+' || c == '-') {
                    return append(c, EXP_SIGN);
                }
                return digit(c) ? append(c, EXP_DIGITS) : error(c);
            case EXP_SIGN:
                return digit(c) ? append(c, EXP_DIGITS) : error(c);
            case EXP_DIGITS:
                return digit(c) ? append(c, EXP_DIGITS) : end(TokenType.FLOAT);
            case KEYWORD:
                return (c >= 'a' && c <= 'z') ? append(c, KEYWORD) : end(TokenType.KEYWORD);
            default:
                throw new IllegalStateException("lexer state " + state);
        }
    }

    private boolean start(int c) {
        switch (c) {
            case ' ':
            case '\t':
            case '\r':
            case '\n':
                return true;
            case '"':
                return append(c, DQ);
            case '\'':
                return append(c, SQ);
            case '0':
                return append(c, ZERO);
            case '-':
                return append(c, SIGN);
            case '{':
                return single(c, TokenType.LCURLY);
            case '}':
                return single(c, TokenType.RCURLY);
            case '[':
                return single(c, TokenType.LSQUARE);
            case ']':
                return single(c, TokenType.RSQUARE);
            case ':':
                return single(c, TokenType.COLON);
            case ',':
                return single(c, TokenType.COMMA);
            default:
                break;
        }
        if (c >= '1' && c <= '9') {
            return append(c, DIGITS);
        }
        return (c >= 'a' && c <= 'z') ? append(c, KEYWORD) : error(c);
    }

    private boolean inString(int c, int quote, int escape) {
        if (c == quote) {
            put(c);
            emit(TokenType.STRING);
            return true;
        }
        if (c == '\\') {
            return append(c, escape);
        }
        return printable(c) ? append(c, state) : error(c);
    }

    private static boolean printable(int c) {
        return c >= 0x20 && c <= 0xFD;
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean resynchronizes(int c) {
        return (c < 0x20 && c != '\t')
                || c >= 0xFE
                || c == '['
                || c == ']'
                || c == '{'
                || c == '}'
                || c == ':'
                || c == ',';
    }

    private boolean append(int c, int next) {
        put(c);
        state = next;
        return true;
    }

    private boolean single(int c, TokenType type) {
        put(c);
        emit(type);
        return true;
    }

    /** Ends the token before {@code c}, which is then read again from the start state. */
    private boolean end(TokenType type) {
        emit(type);
        return false;
    }

    private boolean error(int c) {
        put(c);
        sink.token(TokenType.ERROR, text, size);
        clear();
        state = RECOVERY;
        return true;
    }

    private void emit(TokenType type) {
        sink.token(type, text, size);
        clear();
        state = START;
    }

    private void clear() {
        size = 0;
        if (text.length > 1 << 16) {
            text = new byte[64]; // give back what one huge token took
        }
    }

    private void put(int c) {
        if (size == text.length) {
            text = Arrays.copyOf(text, size * 2);
        }
        text[size++] = (byte) c;
    }
}
