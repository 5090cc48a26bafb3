package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Arguments read strictly, as a QMP server reads them: every error is a {@code GenericError}
 * worded exactly as QEMU's input visitor words it, naming the member by its path
 * ({@code model.name}, {@code tags[1]}) where QEMU does, and by its bare name where QEMU does
 * (enum values; QEMU 7.2 replies {@code Parameter 'null' does not accept value 'foo'} to
 * {@code qmp_capabilities} with {@code "enable": ["foo"]}).
 */
class StrictDecodingTest {
    private static final String SCHEMA = """
            { 'enum': 'Kind', 'data': [ 'cpu', 'disk' ] }
            { 'struct': 'Model', 'data': { 'name': 'str', '*kind': 'Kind' } }
            { 'struct': 'Request',
              'data': { 'type': 'Kind', 'model': 'Model', 'tags': [ 'str' ],
                        '*kinds': [ 'Kind' ], '*models': [ 'Model' ],
                        '*count': 'int', '*flag': 'bool', '*ratio': 'number',
                        '*nothing': 'null', '*anything': 'any' } }
            """;

    /** A request with every mandatory member, to which each test adds its one fault. */
    private static final String VALID = "'type': 'cpu', 'model': { 'name': 'm' }, 'tags': [ ]";

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("strict").generate(SCHEMA));
    }

    private static String error(String members) {
        QmpError e =
                assertThrows(QmpError.class, () -> code.decode("strict.Request", Input.STRICT, "{ " + members + " }"));
        assertEquals("GenericError", e.errorClass());
        return e.desc();
    }

    @Test
    void aValidRequestDecodes() {
        Object request = code.decode("strict.Request", Input.STRICT, "{ " + VALID + ", 'count': 3 }");
        JsonText.assertEquivalent("{ " + VALID + ", 'count': 3 }", CompiledCode.toJson(request));
    }

    @Test
    void theFirstMissingMemberInSchemaOrderIsReported() {
        assertEquals("Parameter 'type' is missing", error(""));
        assertEquals("Parameter 'model' is missing", error("'tags': [ ], 'type': 'cpu'"));
    }

    @Test
    void aMissingMemberIsReportedBeforeAnUnexpectedOne() {
        assertEquals("Parameter 'type' is missing", error("'bogus': 1"));
    }

    @Test
    void anUnexpectedMember() {
        assertEquals("Parameter 'bogus' is unexpected", error(VALID + ", 'bogus': 1"));
    }

    @Test
    void anUnexpectedMemberOfANestedObjectIsNamedByItsPath() {
        assertEquals(
                "Parameter 'model.extra' is unexpected",
                error("'type': 'cpu', 'model': { 'name': 'm', 'extra': true }, 'tags': [ ]"));
    }

    @Test
    void aMissingMemberOfANestedObjectIsNamedByItsPath() {
        assertEquals("Parameter 'model.name' is missing", error("'type': 'cpu', 'model': { }, 'tags': [ ]"));
    }

    @Test
    void aMemberOfAnObjectInAListIsNamedByIndexAndName() {
        assertEquals("Parameter 'models[1].name' is missing", error(VALID + ", 'models': [ { 'name': 'a' }, { } ]"));
    }

    @Test
    void wrongJsonTypesNameTheTypeExpected() {
        assertEquals(
                "Invalid parameter type for 'model.name', expected: string",
                error("'type': 'cpu', 'model': { 'name': 5 }, 'tags': [ ]"));
        assertEquals(
                "Invalid parameter type for 'model', expected: object",
                error("'type': 'cpu', 'model': 'm', 'tags': [ ]"));
        assertEquals(
                "Invalid parameter type for 'tags', expected: array",
                error("'type': 'cpu', 'model': { 'name': 'm' }, 'tags': 'a'"));
        assertEquals("Invalid parameter type for 'count', expected: integer", error(VALID + ", 'count': '3'"));
        assertEquals("Invalid parameter type for 'count', expected: integer", error(VALID + ", 'count': 1.5"));
        assertEquals("Invalid parameter type for 'flag', expected: boolean", error(VALID + ", 'flag': 'yes'"));
        assertEquals("Invalid parameter type for 'ratio', expected: number", error(VALID + ", 'ratio': '1'"));
        assertEquals("Invalid parameter type for 'nothing', expected: null", error(VALID + ", 'nothing': 0"));
    }

    @Test
    void anOptionalMemberGivenAsNullIsOfTheWrongType() {
        assertEquals("Invalid parameter type for 'count', expected: integer", error(VALID + ", 'count': null"));
    }

    @Test
    void aListElementOfTheWrongTypeIsNamedByIndex() {
        assertEquals(
                "Invalid parameter type for 'tags[1]', expected: string",
                error("'type': 'cpu', 'model': { 'name': 'm' }, 'tags': [ 'a', 5 ]"));
    }

    @Test
    void anEnumValueNotInTheSchema() {
        assertEquals(
                "Parameter 'type' does not accept value 'bogus'",
                error("'type': 'bogus', 'model': { 'name': 'm' }, 'tags': [ ]"));
    }

    @Test
    void anEnumGivenAsANumberIsOfTheWrongType() {
        assertEquals(
                "Invalid parameter type for 'type', expected: string",
                error("'type': 1, 'model': { 'name': 'm' }, 'tags': [ ]"));
    }

    @Test
    void aNestedEnumValueIsNamedByTheMemberAloneAsInQemu() {
        assertEquals(
                "Parameter 'kind' does not accept value 'bogus'",
                error("'type': 'cpu', 'model': { 'name': 'm', 'kind': 'bogus' }, 'tags': [ ]"));
    }

    @Test
    void anEnumValueInAListIsNamedNullAsInQemu() {
        assertEquals("Parameter 'null' does not accept value 'bogus'", error(VALID + ", 'kinds': [ 'cpu', 'bogus' ]"));
    }

    @Test
    void anyTakesEveryJsonValue() {
        Object request = code.decode(
                "strict.Request", Input.STRICT, "{ " + VALID + ", 'anything': { 'deep': [ 1, null, 'x' ] } }");
        assertEquals(
                JsonText.parse("{ 'deep': [ 1, null, 'x' ] }"),
                ((Optional<?>) CompiledCode.invokeOn(request, "anything")).orElseThrow());
    }
}
