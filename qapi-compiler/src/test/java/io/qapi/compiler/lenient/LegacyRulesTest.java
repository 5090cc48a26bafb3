package io.qapi.compiler.lenient;

import static io.qapi.compiler.lenient.Lenient.accept;
import static io.qapi.compiler.lenient.Lenient.strictError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.compiler.Fixtures;
import io.qapi.compiler.model.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pragmas and naming and typing rules as older releases had them. */
class LegacyRulesTest {

    @Test
    void thePragmasOfQemu29To52AreReadUnderTheirNewNames() {
        Fixtures f = Fixtures.file("s.json", """
                { 'pragma': { 'returns-whitelist': [ 'count-sheep' ] } }
                { 'pragma': { 'name-case-whitelist': [ 'Sheep' ] } }
                { 'command': 'count-sheep', 'returns': 'int' }
                { 'struct': 'Sheep', 'data': { 'Wool': 'str' } }
                """);
        Schema s = accept(f);
        assertTrue(s.lookup("count-sheep").isPresent());
        assertEquals("s.json:1: unknown pragma 'returns-whitelist'", strictError(f));
    }

    @Test
    void qemu28KeptItsExceptionsOutOfTheSchema() {
        // 2.8's generator listed the commands that may return a non-object, and the types whose
        // members may use uppercase; the schema said nothing about them.
        Fixtures returns = Fixtures.file("s.json", "{ 'command': 'read-meter', 'returns': 'str' }\n");
        Fixtures upper = Fixtures.file("s.json", "{ 'struct': 'Meter', 'data': { 'UUID': 'str' } }\n");
        accept(returns);
        accept(upper);
        assertEquals("s.json:1: command's 'returns' cannot take built-in type 'str'", strictError(returns));
        assertEquals("s.json:1: name of 'data' member 'UUID' must not use uppercase or '_'", strictError(upper));
    }

    @Test
    void namesFollowedFewerRulesBefore60() {
        Fixtures f = Fixtures.file("s.json", """
                { 'enum': 'CPURegister', 'data': [ 'EAX', 'flag_zero' ] }
                { 'struct': 'VCPUState', 'data': { 'thread_id': 'int', 'PC': 'int' } }
                { 'alternate': 'Target', 'data': { 'by_name': 'str', 'by_index': 'VCPUState' } }
                { 'command': 'cpu_reset', 'data': { 'cpu_index': 'int' } }
                { 'event': 'cpu_halted', 'data': { 'CPU': 'int' } }
                """);
        Schema s = accept(f);
        assertEquals(
                List.of(
                        "CPURegister",
                        "VCPUState",
                        "Target",
                        "q_obj_cpu_reset-arg",
                        "cpu_reset",
                        "q_obj_cpu_halted-arg",
                        "cpu_halted"),
                Lenient.names(s.modules().get(1)));
        assertEquals("s.json:1: name of 'data' member 'EAX' must not use uppercase or '_'", strictError(f));
    }

    @Test
    void reservedAndInvalidNamesAreStillRejected() {
        var result = Fixtures.file("s.json", "{ 'struct': 'Bad', 'data': { 'has_x': 'int' } }\n")
                .compile(Lenient.LENIENT);
        assertEquals(
                "s.json:1: 'data' member 'has_x' uses reserved name",
                result.errors().get(0).format().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(
                false,
                Fixtures.file("s.json", "{ 'struct': 'BadList', 'data': {} }\n")
                        .compile(Lenient.LENIENT)
                        .ok());
    }

    @Test
    void conditionalArgumentsNeededNoBoxing() {
        Fixtures f = Fixtures.file("s.json", """
                { 'command': 'heat', 'data': { '*turbo': { 'type': 'bool', 'if': 'CONFIG_TURBO' } } }
                """);
        accept(f);
        assertEquals("s.json:1: conditional command arguments require 'boxed': true", strictError(f));
    }

    @Test
    void alternatesFollowTheRulesOfQemu28() {
        // Before keyval input, a string branch did not claim numbers and booleans, and integers
        // and numbers were different JSON types.
        Fixtures f = Fixtures.file("s.json", """
                { 'alternate': 'Amount', 'data': { 'name': 'str', 'count': 'int', 'share': 'number' } }
                """);
        accept(f);
        assertEquals("s.json:1: branch 'count' can't be distinguished from 'name'", strictError(f));
        assertEquals(
                false, Fixtures.file("s.json", """
                { 'alternate': 'Twice', 'data': { 'a': 'int', 'b': 'uint8' } }
                """).compile(Lenient.LENIENT).ok());
    }

    @Test
    void typesMayCarryFeaturesLaterReserved() {
        accept(Fixtures.file("s.json", """
                { 'struct': 'Old', 'data': {}, 'features': [ 'deprecated' ] }
                """));
    }
}
