package io.qapi.compiler.vocabulary;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An {@code 'if'} condition: a configuration symbol, or {@code all}, {@code any} and
 * {@code not} over conditions. {@link #NONE} stands for "always".
 */
public record IfCond(Expr expr) {
    public static final IfCond NONE = new IfCond(null);

    /** The condition language. */
    public sealed interface Expr {
        /** Python's {@code repr()} of the condition as written, which QEMU's IR dump prints. */
        String repr();

        boolean evaluate(Set<String> defined);
    }

    public record Symbol(String name) implements Expr {
        @Override
        public String repr() {
            return "'" + name + "'";
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            return defined.contains(name);
        }
    }

    public record All(List<Expr> operands) implements Expr {
        public All {
            operands = List.copyOf(operands);
        }

        @Override
        public String repr() {
            return "{'all': " + list(operands) + "}";
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            return operands.stream().allMatch(o -> o.evaluate(defined));
        }
    }

    public record Any(List<Expr> operands) implements Expr {
        public Any {
            operands = List.copyOf(operands);
        }

        @Override
        public String repr() {
            return "{'any': " + list(operands) + "}";
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            return operands.stream().anyMatch(o -> o.evaluate(defined));
        }
    }

    public record Not(Expr operand) implements Expr {
        @Override
        public String repr() {
            return "{'not': " + operand.repr() + "}";
        }

        @Override
        public boolean evaluate(Set<String> defined) {
            return !operand.evaluate(defined);
        }
    }

    private static String list(List<Expr> operands) {
        return operands.stream().map(Expr::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    public boolean isPresent() {
        return expr != null;
    }

    /** The condition as QEMU's test driver prints it: a bare symbol, or the repr of the object. */
    public String display() {
        if (expr instanceof Symbol s) {
            return s.name();
        }
        return expr == null ? "None" : expr.repr();
    }

    /** Whether the condition holds when exactly {@code defined} symbols are set. */
    public boolean holds(Set<String> defined) {
        return expr == null || expr.evaluate(defined);
    }

    @Override
    public String toString() {
        return display();
    }
}
