package io.qapi.compiler.parse;

import io.qapi.compiler.parse.grammar.QapiParser.ArrayContext;
import io.qapi.compiler.parse.grammar.QapiParser.ObjectContext;
import io.qapi.compiler.parse.grammar.QapiParser.PairContext;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;

/**
 * Turns the first syntax error into QEMU's message for the same place, and never recovers:
 * QEMU stops reading a file at its first error.
 *
 * <p>QEMU words its messages by what it expected next, which the rule being parsed and how much
 * of it was read tell exactly: after '{' a key or '}', after a member ',' or '}', and so on.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {
    private final FileParser file;

    SyntaxErrorStrategy(FileParser file) {
        this.file = file;
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        throw fail(recognizer);
    }

    @Override
    public Token recoverInline(Parser recognizer) {
        throw fail(recognizer);
    }

    @Override
    public void recover(Parser recognizer, RecognitionException e) {
        throw fail(recognizer);
    }

    /** Errors are detected where a token is matched; the loop-entry check would report them early. */
    @Override
    public void sync(Parser recognizer) {}

    private RuntimeException fail(Parser recognizer) {
        Token offending = recognizer.getCurrentToken();
        file.failOnLexError(offending);
        return file.syntaxError(offending, expected(recognizer.getContext()));
    }

    private static String expected(ParserRuleContext ctx) {
        boolean atStart = ctx.getChildCount() <= 1;
        if (ctx instanceof ObjectContext) {
            return atStart ? "expected string or '}'" : "expected ',' or '}'";
        }
        if (ctx instanceof PairContext) {
            return ctx.getChildCount() == 0 ? "expected string" : "expected ':'";
        }
        if (ctx instanceof ArrayContext) {
            return atStart ? "expected '{', '[', ']', string, or boolean" : "expected ',' or ']'";
        }
        return "expected '{', '[', string, or boolean";
    }
}
