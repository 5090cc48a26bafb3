package io.qapi.compiler.check;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of QEMU 3.0 to 6.1, where an {@code 'if'} was a C preprocessor expression
 * ({@code 'defined(CONFIG_SPICE)'}, {@code 'defined(TARGET_I386) && !defined(CONFIG_USER_ONLY)'})
 * or a list of them, all of which must hold. They are read into the condition language of
 * later releases: {@code defined(X)} and a bare {@code X} become the symbol {@code X}; {@code !},
 * {@code &&}, {@code ||} and parentheses become {@code not}, {@code all} and {@code any}.
 */
final class LegacyCondition {
    private final String text;
    private int pos;

    private LegacyCondition(String text) {
        this.text = text;
    }

    /**
     * The condition an expression stands for. One this reader does not understand stays a
     * single symbol spelled as written, which no set of defined symbols makes true.
     */
    static IfCond.Expr parse(String text) {
        LegacyCondition reader = new LegacyCondition(text);
        try {
            IfCond.Expr expr = reader.or();
            reader.skipSpace();
            if (reader.pos == text.length()) {
                return expr;
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the literal reading.
        }
        return new IfCond.Symbol(text.strip());
    }

    /** A list of expressions, all of which must hold. */
    static IfCond.Expr all(List<String> texts) {
        List<IfCond.Expr> operands = texts.stream().map(LegacyCondition::parse).toList();
        return operands.size() == 1 ? operands.get(0) : new IfCond.All(operands);
    }

    private IfCond.Expr or() {
        List<IfCond.Expr> operands = new ArrayList<>(List.of(and()));
        while (accept("||")) {
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new IfCond.Any(operands);
    }

    private IfCond.Expr and() {
        List<IfCond.Expr> operands = new ArrayList<>(List.of(unary()));
        while (accept("&&")) {
            operands.add(unary());
        }
        return operands.size() == 1 ? operands.get(0) : new IfCond.All(operands);
    }

    private IfCond.Expr unary() {
        if (accept("!")) {
            return new IfCond.Not(unary());
        }
        if (accept("(")) {
            IfCond.Expr inner = or();
            expect(")");
            return inner;
        }
        String word = identifier();
        if (!word.equals("defined")) {
            return new IfCond.Symbol(word);
        }
        if (accept("(")) {
            String symbol = identifier();
            expect(")");
            return new IfCond.Symbol(symbol);
        }
        return new IfCond.Symbol(identifier());
    }

    private String identifier() {
        skipSpace();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos || Character.isDigit(text.charAt(start))) {
            throw new IllegalArgumentException(text);
        }
        return text.substring(start, pos);
    }

    private boolean accept(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException(text);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
