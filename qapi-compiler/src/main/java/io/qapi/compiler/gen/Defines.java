package io.qapi.compiler.gen;

import io.qapi.compiler.vocabulary.IfCond;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which configuration symbols (like {@code CONFIG_SPICE}) the generated API is for. Without a
 * build configuration the API has everything, each conditional element marked with its
 * condition; for a build that sets certain symbols, the {@code 'if'} conditions are evaluated
 * and what is false is left out.
 */
public sealed interface Defines {

    /** No build configuration: every conditional element, marked with its condition. */
    Defines EVERYTHING = new Everything();

    /**
     * The configuration a command line or a build file names: none means {@link #EVERYTHING},
     * any means {@link Exactly} those.
     */
    static Defines of(Collection<String> symbols) {
        return symbols.isEmpty() ? EVERYTHING : new Exactly(Set.copyOf(symbols));
    }

    /** Whether an element with this condition is generated. */
    boolean present(IfCond cond);

    /** Generating everything, with no build configuration. */
    record Everything() implements Defines {
        @Override
        public boolean present(IfCond cond) {
            return true;
        }

        @Override
        public String toString() {
            return "no -D";
        }
    }

    /** A build that sets exactly these symbols. */
    record Exactly(Set<String> symbols) implements Defines {
        public Exactly {
            symbols = Set.copyOf(symbols);
        }

        @Override
        public boolean present(IfCond cond) {
            return cond.holds(symbols);
        }

        /** Sorted, so that the same symbols always read the same. */
        @Override
        public String toString() {
            return new TreeSet<>(symbols).toString();
        }
    }
}
