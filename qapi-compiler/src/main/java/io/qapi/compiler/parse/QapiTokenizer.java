package io.qapi.compiler.parse;

import io.qapi.compiler.parse.grammar.QapiLexer;
import io.qapi.compiler.source.SourceText;
import java.util.function.Supplier;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * The generated lexer plus the lexical rules a grammar cannot say with QEMU's messages: a string
 * may contain printable ASCII only and knows one escape, and any other character is a stray
 * word. A bad token becomes a {@link LexError}, which the parser never accepts, so the error is
 * reported exactly when reading reaches it.
 */
final class QapiTokenizer extends QapiLexer {
    private final SourceText source;
    /**
     * Leniently, a '##' line inside an expression is an ordinary comment, as it was before
     * QEMU 2.9 read documentation comments.
     */
    private final boolean lenient;
    /** How deep inside braces and brackets the next token is. */
    private int depth;

    QapiTokenizer(CharStream input, SourceText source) {
        this(input, source, false);
    }

    QapiTokenizer(CharStream input, SourceText source, boolean lenient) {
        super(input);
        this.source = source;
        this.lenient = lenient;
        removeErrorListeners();
    }

    /** A token that stands for a lexical error; its position is where QEMU reports it. */
    static final class LexError extends CommonToken {
        private static final long serialVersionUID = 1L;
        private final transient Supplier<String> message;
        /** The grammar's token type for the same text. */
        final int grammarType;

        LexError(Token token, Supplier<String> message) {
            super(token);
            this.grammarType = token.getType();
            // No grammar rule accepts a stray token, so the parser stops right here.
            setType(STRAY);
            this.message = message;
        }

        /** Worked out only when reported: a long run of junk is all stray tokens, but one error. */
        String message() {
            return message.get();
        }
    }

    @Override
    public Token nextToken() {
        Token fast = commentOrSkipSpace();
        if (fast != null) {
            return fast;
        }
        Token token = super.nextToken();
        if (lenient) {
            switch (token.getType()) {
                case LBRACE, LBRACK -> depth++;
                case RBRACE, RBRACK -> depth = Math.max(0, depth - 1);
                default -> {}
            }
        }
        return switch (token.getType()) {
            case STRING -> checkString(token, true);
            case UNTERMINATED_STRING -> checkString(token, false);
            case STRAY -> new LexError(token, () -> "stray '" + strayWord(token.getStartIndex()) + "'");
            default -> token;
        };
    }

    /**
     * Reads what makes up most of a schema, whitespace and comments, directly from the text
     * instead of through the generated automaton, producing exactly the tokens the grammar's
     * WS, COMMENT and DOC_COMMENT rules define (a test compares the two).
     *
     * @return a comment token, or null when the generated lexer should read the next token
     */
    private Token commentOrSkipSpace() {
        int at = _input.index();
        int length = source.length();
        while (at < length && PythonText.isSpace(source.codePointAt(at))) {
            getInterpreter().consume(_input);
            at++;
        }
        if (at >= length || source.codePointAt(at) != '#') {
            return null;
        }
        int end = source.nextNewline(at);
        boolean doc = at + 1 < end && source.codePointAt(at + 1) == '#' && depth == 0;
        _token = null;
        _tokenStartCharIndex = at;
        _tokenStartLine = getInterpreter().getLine();
        _tokenStartCharPositionInLine = getInterpreter().getCharPositionInLine();
        _input.seek(end);
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine + (end - at));
        _type = doc ? DOC_COMMENT : COMMENT;
        _channel = doc ? Token.DEFAULT_CHANNEL : Token.HIDDEN_CHANNEL;
        _text = null;
        return emit();
    }

    /** Scans a string's content in order and reports the first problem QEMU would meet. */
    private Token checkString(Token token, boolean terminated) {
        String s = token.getText();
        // Kept on the token: a string's text is read again for its value and as a key.
        ((CommonToken) token).setText(s);
        int end = terminated ? s.length() - 1 : s.length();
        for (int i = 1; i < end; ) {
            int ch = s.codePointAt(i);
            i += Character.charCount(ch);
            if (ch == '\\') {
                if (i >= end) {
                    break;
                }
                int escaped = s.codePointAt(i);
                if (escaped != '\\') {
                    String message = "unknown escape \\" + Character.toString(escaped);
                    return new LexError(token, () -> message);
                }
                i++;
                continue;
            }
            if (ch < 32 || ch >= 127) {
                return new LexError(token, () -> "funny character in string");
            }
        }
        return terminated ? token : new LexError(token, () -> "missing terminating \"'\"");
    }

    /** Unescapes a valid string token's text. */
    static String stringValue(Token token) {
        String s = token.getText();
        String inner = s.substring(1, s.length() - 1);
        return inner.indexOf('\\') < 0 ? inner : inner.replace("\\\\", "\\");
    }

    /** The run of characters QEMU shows: up to the next structural, space or quote character. */
    private String strayWord(int start) {
        int end = start;
        while (end < source.length() && !endsStray(source.codePointAt(end))) {
            end++;
        }
        return source.substring(start, end);
    }

    private static boolean endsStray(int ch) {
        return "[]{}:,'".indexOf(ch) >= 0 || PythonText.isSpace(ch);
    }
}
