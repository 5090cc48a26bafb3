package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.runtime.api.Input;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schema names that are awkward in Java: names of what Java, the JDK, the runtime or the
 * generated code itself already use. Each schema must either generate code that compiles
 * cleanly and works, or be reported by the generator naming both clashing definitions
 * (names are allocated, never collide silently). Each case is a schema of its own, so that
 * one case's failure does not hide another's.
 */
class JavaNamesTest {

    /** Generates, and compiles cleanly unless the generator reported the clash it names. */
    private static void compilesOrIsReported(String schema, String... named) {
        Generation.Output output = Generation.of("names").tryGenerate(schema);
        if (!output.errors().isEmpty()) {
            for (String name : named) {
                assertTrue(
                        output.errors().contains("'" + name + "'"),
                        "the generator's error does not name '" + name + "': " + output.errors());
            }
            return;
        }
        Javac.compileCleanly(Javac.sources(output.files()));
    }

    @Test
    void javaKeywordsAndDigitsAsMemberNames() {
        compilesOrIsReported("""
                { 'struct': 'Keywords',
                  'data': { 'class': 'str', 'default': 'int', 'new': 'bool', 'record': 'str',
                            'x-1st': 'int', 'record-2': 'str' } }
                """);
    }

    @Test
    void typesNamedLikeTheClassesGeneratedCodeUses() {
        // QEMU's own schema has a struct String.
        compilesOrIsReported("""
                { 'struct': 'String', 'data': { 'str': 'str' } }
                { 'struct': 'Optional', 'data': { 'x': 'int' } }
                { 'struct': 'Void', 'data': { 'x': 'int' } }
                { 'struct': 'Command', 'data': { 'x': 'int' } }
                { 'struct': 'Objects', 'data': { 'x': 'int' } }
                { 'struct': 'Json', 'data': { 'x': 'int' } }
                { 'struct': 'Input', 'data': { 'x': 'int' } }
                { 'enum': 'Map', 'data': [ 'a' ] }
                { 'command': 'get-void', 'data': { 'o': 'Optional', '*s': 'String' }, 'returns': 'Void' }
                { 'command': 'run', 'data': { 'm': 'Map', 'j': 'Json' }, 'returns': 'Command' }
                { 'event': 'HAPPENED', 'data': { 'i': 'Input', '*o': 'Objects' } }
                """);
    }

    @Test
    void unionBranchesNamedLikeTheClassesGeneratedCodeUses() {
        compilesOrIsReported("""
                { 'enum': 'ValueKind',
                  'data': [ 'string', 'map', 'json', 'objects', 'optional', 'list', 'input', 'records' ] }
                { 'struct': 'Text', 'data': { 'text': 'str' } }
                { 'union': 'Value', 'base': { 'kind': 'ValueKind', 'name': 'str', '*tags': [ 'str' ] },
                  'discriminator': 'kind', 'data': { 'string': 'Text', 'map': 'Text' } }
                { 'alternate': 'Either', 'data': { 'string': 'str', 'map': 'Text', 'decoder': 'null' } }
                """);
    }

    @Test
    void enumValuesNamedLikeTheEnumsOwnFields() {
        // 'decoder' would be the constant DECODER, beside the field DECODER.
        compilesOrIsReported("""
                { 'enum': 'Codec', 'data': [ 'decoder', 'encoder', 'by-wire-name', 'wire-name' ] }
                """, "decoder", "by-wire-name");
    }

    @Test
    void aCommandNamedLikeAnotherCommandsAsynchronousMethod() {
        // 'stop' gives stop() and stopAsync(); 'stop-async' gives stopAsync().
        compilesOrIsReported("""
                { 'command': 'stop' }
                { 'command': 'stop-async' }
                """, "stop", "stop-async");
    }

    @Test
    void unionBaseMembersNamedLikeTheReadersParameters() {
        compilesOrIsReported("""
                { 'enum': 'Kind', 'data': [ 'a', 'b' ] }
                { 'union': 'Choice', 'base': { 'kind': 'Kind', 'r': 'str', 'whole': 'bool' },
                  'discriminator': 'kind', 'data': { } }
                """, "r", "whole");
    }

    @Test
    void aMemberNamedLikeTheLambdaParameterOfRangeChecks() {
        compilesOrIsReported("""
                { 'struct': 'Small', 'data': { 'v': 'int', '*level': 'uint8' } }
                """, "v");
    }

    @Test
    void aMemberNamedJson() {
        compilesOrIsReported("""
                { 'struct': 'Document', 'data': { 'json': 'str' } }
                """, "json");
    }

    @Test
    void aMemberNamedJsonOfTypeAnyIsWrittenAsItsValue() {
        Generation.Output output = Generation.of("names").tryGenerate("""
                { 'struct': 'Envelope', 'data': { 'json': 'any', 'kind': 'str' } }
                """);
        if (!output.errors().isEmpty()) {
            assertTrue(output.errors().contains("'json'"), output.errors());
            return;
        }
        CompiledCode code = CompiledCode.compile(output.files());
        JsonNode value = JsonText.parse("{ 'json': { 'inner': 1 }, 'kind': 'k' }");
        JsonNode written = CompiledCode.toJson(code.decoder("names.Envelope").decode(Input.STRICT, value, ""));
        assertNotSame(written, written.get("json"), "the member 'json' was written as the object that holds it");
        assertEquals(value.toString(), written.toString());
    }

    @Test
    void twoDefinitionsThatWouldBeOneClassAreReportedWithBothLocations() {
        Generation.Output output = Generation.of("names").tryGenerate("""
                { 'struct': 'FooEvent', 'data': { 'x': 'int' } }
                { 'event': 'FOO' }
                """);
        assertEquals(
                "schema.json: In event 'FOO':\n"
                        + "schema.json:2: Java type name 'names.FooEvent' of event 'FOO' collides with struct 'FooEvent'"
                        + " (schema.json:1)",
                output.errors());
        assertEquals(List.of(), output.files());
    }

    @Test
    void aTypeNamedLikeAGeneratedClassIsReported() {
        Generation.Output output = Generation.of("names").tryGenerate("""
                { 'struct': 'Valve', 'data': { 'x': 'int' } }
                { 'struct': 'Pipe', 'base': 'Valve', 'data': { } }
                { 'struct': 'ValveFields', 'data': { } }
                """);
        assertEquals(
                "schema.json: In struct 'Valve':\n"
                        + "schema.json:1: Java type name 'names.ValveFields' of the interface of struct 'Valve' collides with"
                        + " struct 'ValveFields' (schema.json:3)",
                output.errors());
    }
}
