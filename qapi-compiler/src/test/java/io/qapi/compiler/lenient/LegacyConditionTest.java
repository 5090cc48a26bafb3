package io.qapi.compiler.lenient;

import static io.qapi.compiler.lenient.Lenient.accept;
import static io.qapi.compiler.lenient.Lenient.strictError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.model.Schema;
import io.qapi.compiler.model.Types.ObjectType;
import io.qapi.compiler.vocabulary.IfCond;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Conditions as QEMU 3.0 to 6.1 wrote them: C preprocessor expressions, or lists of them that
 * must all hold, read into the condition language of later releases.
 */
class LegacyConditionTest {

    private static IfCond ifcondOf(String condition) {
        Schema s = accept(Fixtures.file("s.json", "{ 'struct': 'Oven', 'data': {}, 'if': " + condition + " }\n"));
        return s.type("Oven").ifcond();
    }

    @Test
    void definedBecomesTheSymbol() {
        assertEquals(
                new IfCond.Symbol("CONFIG_GAS"),
                ifcondOf("'defined(CONFIG_GAS)'").expr());
    }

    @Test
    void operatorsBecomeAllAnyAndNot() {
        IfCond c = ifcondOf("'defined(A) && (defined(B) || !defined(C))'");
        assertEquals("{'all': ['A', {'any': ['B', {'not': 'C'}]}]}", c.display());
        assertTrue(c.holds(Set.of("A", "B", "C")));
        assertTrue(c.holds(Set.of("A")));
        assertFalse(c.holds(Set.of("A", "C")));
    }

    @Test
    void aListMeansAllOfIt() {
        IfCond c = ifcondOf("[ 'defined(GAS)', 'defined(ELECTRIC)' ]");
        assertEquals("{'all': ['GAS', 'ELECTRIC']}", c.display());
        assertEquals("GAS", ifcondOf("[ 'defined(GAS)' ]").display());
    }

    @Test
    void bareSymbolsAndDefinedWithoutParentheses() {
        assertEquals(
                "{'any': ['GAS', 'WOOD']}", ifcondOf("'GAS || defined WOOD'").display());
    }

    @Test
    void anExpressionBeyondTheseStaysOneSymbolThatNeverHolds() {
        IfCond c = ifcondOf("'CONFIG_HEAT > 2'");
        assertEquals(new IfCond.Symbol("CONFIG_HEAT > 2"), c.expr());
        assertFalse(c.holds(Set.of("CONFIG_HEAT")));
    }

    @Test
    void membersBranchesAndValuesTakeLegacyConditionsToo() {
        Schema s = accept(Fixtures.file("s.json", """
                { 'enum': 'Fuel', 'data': [ 'wood', { 'name': 'gas', 'if': 'defined(CONFIG_GAS)' } ] }
                { 'struct': 'Stove', 'data': { '*burners': { 'type': 'int', 'if': ['defined(A)', 'defined(B)'] } } }
                """));
        assertEquals(
                "CONFIG_GAS",
                ((io.qapi.compiler.model.Types.EnumType) s.type("Fuel"))
                        .values()
                        .get(1)
                        .ifcond()
                        .display());
        assertEquals(
                "{'all': ['A', 'B']}",
                ((ObjectType) s.type("Stove")).members().get(0).ifcond().display());
    }

    @Test
    void strictModeRejectsThem() {
        assertEquals(
                "s.json:1: 'if' condition 'defined(CONFIG_GAS)' of struct is not a valid identifier",
                strictError(
                        Fixtures.file("s.json", "{ 'struct': 'Oven', 'data': {}, 'if': 'defined(CONFIG_GAS)' }\n")));
        assertEquals(
                "s.json:1: 'if' condition of struct must be a string or an object",
                strictError(Fixtures.file("s.json", "{ 'struct': 'Oven', 'data': {}, 'if': [ 'A' ] }\n")));
    }
}
