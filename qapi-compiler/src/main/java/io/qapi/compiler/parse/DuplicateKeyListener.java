package io.qapi.compiler.parse;

import io.qapi.compiler.parse.grammar.QapiLexer;
import io.qapi.compiler.parse.grammar.QapiParser.ObjectContext;
import io.qapi.compiler.parse.grammar.QapiParser.PairContext;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reports a repeated key while parsing, right after its ':' as QEMU does, so that a duplicate
 * is reported before any syntax error further on in the same object.
 */
final class DuplicateKeyListener implements ParseTreeListener {
    private final FileParser file;
    private final TokenStream tokens;
    /** The keys of each object being parsed, innermost last. */
    private final ArrayDeque<Set<String>> keys = new ArrayDeque<>();

    DuplicateKeyListener(FileParser file, TokenStream tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    @Override
    public void visitTerminal(TerminalNode node) {
        if (node.getSymbol().getType() != QapiLexer.COLON || !(node.getParent() instanceof PairContext pair)) {
            return;
        }
        // Raw texts are equal exactly when the unescaped keys are: the only escape is '\\'.
        Token key = pair.STRING().getSymbol();
        if (!keys.peekLast().add(key.getText())) {
            Token next = tokens.LT(1);
            file.failOnLexError(next);
            throw file.syntaxError(next, "duplicate key '" + QapiTokenizer.stringValue(key) + "'");
        }
    }

    @Override
    public void visitErrorNode(ErrorNode node) {}

    @Override
    public void enterEveryRule(ParserRuleContext ctx) {
        if (ctx instanceof ObjectContext) {
            keys.addLast(new HashSet<>());
        }
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (ctx instanceof ObjectContext) {
            keys.removeLast();
        }
    }
}
