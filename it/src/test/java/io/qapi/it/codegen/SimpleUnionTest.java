package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Older releases' simple unions (read with --lenient-docs): on the wire a branch is
 * {"type": NAME, "data": VALUE}; in Java the union's branch record holds the value as {@code data}.
 */
class SimpleUnionTest {
    private static final String SCHEMA = """
            { 'struct': 'Sound', 'data': { 'volume': 'uint8' } }
            { 'union': 'Signal', 'data': { 'sound': 'Sound', 'text': 'str', 'codes': [ 'int' ] } }
            { 'command': 'send', 'data': { 'signal': 'Signal' } }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.parse(List.of("--package", "old", "--lenient-docs"), "old")
                .generate(SCHEMA));
    }

    @Test
    void eachBranchCarriesItsValueAsData() {
        String json = "{'type': 'sound', 'data': {'volume': 7}}";
        Object signal = code.decode("old.Signal", Input.STRICT, json);
        assertEquals("Sound", CompiledCode.invokeOn(signal, "branch").getClass().getSimpleName());
        JsonText.assertEquivalent(json, CompiledCode.toJson(signal));
        Object text = code.decode("old.Signal", Input.STRICT, "{'type': 'text', 'data': 'hello'}");
        assertEquals("hello", CompiledCode.invokeOn(CompiledCode.invokeOn(text, "branch"), "data"));
        Object codes = code.decode("old.Signal", Input.STRICT, "{'type': 'codes', 'data': [1, 2]}");
        assertEquals(List.of(1L, 2L), CompiledCode.invokeOn(CompiledCode.invokeOn(codes, "branch"), "data"));
    }

    @Test
    void theImplicitKindEnumChecksTheBranch() {
        QmpError error = assertThrows(
                QmpError.class, () -> code.decode("old.Signal", Input.STRICT, "{'type': 'smoke', 'data': 1}"));
        assertEquals("Parameter 'type' does not accept value 'smoke'", error.desc());
        QmpError missing =
                assertThrows(QmpError.class, () -> code.decode("old.Signal", Input.STRICT, "{'type': 'text'}"));
        assertEquals("Parameter 'data' is missing", missing.desc());
    }
}
