package io.qapi.compiler.parse;

import io.qapi.compiler.parse.grammar.QapiParser.ValueContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Stops values nested deeper than any schema needs with a located error. QEMU's reader simply
 * runs out of Python recursion there; we would run out of stack.
 */
final class NestingLimitListener implements ParseTreeListener {
    static final int MAX_DEPTH = 500;

    private final FileParser file;
    private final TokenStream tokens;
    private int depth;

    NestingLimitListener(FileParser file, TokenStream tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
        if (ctx instanceof ValueContext && ++depth > MAX_DEPTH) {
            depth = 0;
            throw file.syntaxError(tokens.LT(1), "nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (ctx instanceof ValueContext) {
            depth--;
        }
    }

    @Override
    public void visitTerminal(TerminalNode node) {}

    @Override
    public void visitErrorNode(ErrorNode node) {}
}
