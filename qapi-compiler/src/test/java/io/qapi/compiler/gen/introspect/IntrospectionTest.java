package io.qapi.compiler.gen.introspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qapi.compiler.Fixtures;
import io.qapi.compiler.model.Schema;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The introspection rules on small schemas. Each expected value is worked out by hand from the
 * rules (first use numbers a type; commands and events first, then the types in the order they
 * were first used), written with single quotes for readability.
 */
class IntrospectionTest {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private static Schema schema(String text) {
        var result = Fixtures.file("s.json", text).compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        return result.schema();
    }

    private static void assertJson(String expected, Json actual) throws Exception {
        assertEquals(JSON.readTree(expected), JSON.readTree(JsonWriter.compact(actual)));
    }

    private static JsonNode tree(Json value) throws Exception {
        return JSON.readTree(JsonWriter.compact(value));
    }

    @Test
    void typesAreNumberedByFirstUseAndIntegerTypesFoldToInt() throws Exception {
        Schema s = schema("""
                { 'enum': 'Color', 'data': ['red', 'green'] }
                { 'struct': 'Point', 'data': { 'x': 'int32', 'y': 'uint8', 'tags': ['str'],
                                               'sizes': ['size'], '*color': 'Color' } }
                { 'struct': 'Unused', 'data': { 'a': 'str' } }
                { 'struct': 'Result', 'data': { 'color': 'Color' } }
                { 'command': 'draw', 'data': { 'points': ['Point'], 'count': 'uint16' }, 'returns': 'Result' }
                { 'event': 'DRAWN', 'data': { 'at': 'Point' } }
                """);
        assertJson("""
                [ { 'name': 'draw', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '1' },
                  { 'name': 'DRAWN', 'meta-type': 'event', 'arg-type': '2' },
                  { 'name': '0', 'meta-type': 'object',
                    'members': [ { 'name': 'points', 'type': '[3]' }, { 'name': 'count', 'type': 'int' } ] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'color', 'type': '4' } ] },
                  { 'name': '2', 'meta-type': 'object', 'members': [ { 'name': 'at', 'type': '3' } ] },
                  { 'name': '[3]', 'meta-type': 'array', 'element-type': '3' },
                  { 'name': '3', 'meta-type': 'object',
                    'members': [ { 'name': 'x', 'type': 'int' }, { 'name': 'y', 'type': 'int' },
                                 { 'name': 'tags', 'type': '[str]' }, { 'name': 'sizes', 'type': '[int]' },
                                 { 'name': 'color', 'type': '4', 'default': null } ] },
                  { 'name': 'int', 'meta-type': 'builtin', 'json-type': 'int' },
                  { 'name': '4', 'meta-type': 'enum',
                    'members': [ { 'name': 'red' }, { 'name': 'green' } ], 'values': [ 'red', 'green' ] },
                  { 'name': '[str]', 'meta-type': 'array', 'element-type': 'str' },
                  { 'name': 'str', 'meta-type': 'builtin', 'json-type': 'string' },
                  { 'name': '[int]', 'meta-type': 'array', 'element-type': 'int' } ]
                """, Introspection.replyWithEverything(s, false));
    }

    @Test
    void unmaskedTypesKeepTheirNames() throws Exception {
        Schema s = schema("""
                { 'struct': 'Point', 'data': { 'x': 'int64' } }
                { 'command': 'where', 'returns': ['Point'] }
                """);
        assertJson("""
                [ { 'name': 'where', 'meta-type': 'command', 'arg-type': 'q_empty', 'ret-type': '[Point]' },
                  { 'name': 'q_empty', 'meta-type': 'object', 'members': [] },
                  { 'name': '[Point]', 'meta-type': 'array', 'element-type': 'Point' },
                  { 'name': 'Point', 'meta-type': 'object', 'members': [ { 'name': 'x', 'type': 'int' } ] },
                  { 'name': 'int', 'meta-type': 'builtin', 'json-type': 'int' } ]
                """, Introspection.replyWithEverything(s, true));
    }

    @Test
    void missingArgumentsAndResultsAreTheEmptyObjectAndOnlyTrueAllowOobIsShown() throws Exception {
        Schema s = schema("""
                { 'struct': 'Trip', 'data': { 'km': 'number' } }
                { 'command': 'ping' }
                { 'command': 'stop', 'allow-oob': true, 'features': ['unstable'] }
                { 'command': 'go', 'data': { 'speed': 'number' }, 'returns': 'Trip' }
                { 'event': 'STOPPED' }
                """);
        assertJson("""
                [ { 'name': 'ping', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0' },
                  { 'name': 'stop', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0',
                    'allow-oob': true, 'features': [ 'unstable' ] },
                  { 'name': 'go', 'meta-type': 'command', 'arg-type': '1', 'ret-type': '2' },
                  { 'name': 'STOPPED', 'meta-type': 'event', 'arg-type': '0' },
                  { 'name': '0', 'meta-type': 'object', 'members': [] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'speed', 'type': 'number' } ] },
                  { 'name': '2', 'meta-type': 'object', 'members': [ { 'name': 'km', 'type': 'number' } ] },
                  { 'name': 'number', 'meta-type': 'builtin', 'json-type': 'number' } ]
                """, Introspection.replyWithEverything(s, false));
    }

    private static final String UNION = """
            { 'enum': 'Shape', 'data': ['circle', 'square', { 'name': 'blob', 'if': 'HAVE_BLOB' }] }
            { 'struct': 'Circle', 'data': { 'radius': 'number' } }
            { 'union': 'Figure', 'base': { 'kind': 'Shape', '*label': 'str' }, 'discriminator': 'kind',
              'data': { 'circle': 'Circle' } }
            { 'command': 'draw', 'data': 'Figure', 'boxed': true }
            """;

    @Test
    void aUnionListsItsBaseMembersAndEveryBranchWithTheOmittedOnesEmpty() throws Exception {
        assertJson("""
                [ { 'name': 'draw', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '1' },
                  { 'name': '0', 'meta-type': 'object',
                    'members': [ { 'name': 'kind', 'type': '2' }, { 'name': 'label', 'type': 'str', 'default': null } ],
                    'tag': 'kind',
                    'variants': [ { 'case': 'circle', 'type': '3' }, { 'case': 'square', 'type': '1' },
                                  { 'case': 'blob', 'type': '1' } ] },
                  { 'name': '1', 'meta-type': 'object', 'members': [] },
                  { 'name': '2', 'meta-type': 'enum',
                    'members': [ { 'name': 'circle' }, { 'name': 'square' }, { 'name': 'blob' } ],
                    'values': [ 'circle', 'square', 'blob' ] },
                  { 'name': 'str', 'meta-type': 'builtin', 'json-type': 'string' },
                  { 'name': '3', 'meta-type': 'object', 'members': [ { 'name': 'radius', 'type': 'number' } ] },
                  { 'name': 'number', 'meta-type': 'builtin', 'json-type': 'number' } ]
                """, Introspection.replyWithEverything(schema(UNION), false));
    }

    @Test
    void anImplicitBranchHasTheConditionOfItsEnumValue() throws Exception {
        Schema s = schema(UNION);
        JsonNode with = tree(Introspection.reply(s, false, Set.of("HAVE_BLOB")));
        JsonNode without = tree(Introspection.reply(s, false, Set.of()));
        assertEquals(tree(Introspection.replyWithEverything(s, false)), with);
        assertEquals(
                JSON.readTree("[ { 'case': 'circle', 'type': '3' }, { 'case': 'square', 'type': '1' } ]"),
                without.get(1).get("variants"));
        assertEquals(
                JSON.readTree("[ { 'name': 'circle' }, { 'name': 'square' } ]"),
                without.get(3).get("members"));
        assertEquals(JSON.readTree("[ 'circle', 'square' ]"), without.get(3).get("values"));
    }

    @Test
    void anAlternateListsTheTypesOfItsBranches() throws Exception {
        Schema s = schema("""
                { 'struct': 'Box', 'data': { 'w': 'int' } }
                { 'enum': 'Auto', 'data': ['auto'] }
                { 'alternate': 'Size',
                  'data': { 'n': 'uint32', 'box': 'Box', 'word': { 'type': 'Auto', 'if': 'WORDS' } } }
                { 'command': 'resize', 'data': { 'to': 'Size' } }
                """);
        String expected = """
                [ { 'name': 'resize', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '1' },
                  { 'name': '0', 'meta-type': 'object', 'members': [ { 'name': 'to', 'type': '2' } ] },
                  { 'name': '1', 'meta-type': 'object', 'members': [] },
                  { 'name': '2', 'meta-type': 'alternate', 'members': [ { 'type': 'int' }, { 'type': '3' } %s ] },
                  { 'name': 'int', 'meta-type': 'builtin', 'json-type': 'int' },
                  { 'name': '3', 'meta-type': 'object', 'members': [ { 'name': 'w', 'type': 'int' } ] },
                  { 'name': '4', 'meta-type': 'enum', 'members': [ { 'name': 'auto' } ], 'values': [ 'auto' ] } ]
                """;
        assertJson(expected.formatted(", { 'type': '4' }"), Introspection.replyWithEverything(s, false));
        assertJson(expected.formatted(""), Introspection.reply(s, false, Set.of()));
    }

    private static final String CONDITIONAL = """
            { 'struct': 'Alpha', 'data': { 'a': 'str' } }
            { 'struct': 'Beta', 'data': { 'b': 'str' }, 'if': 'HAVE_B' }
            { 'command': 'cmd-a', 'returns': 'Alpha', 'if': 'HAVE_CMD_A' }
            { 'command': 'cmd-b', 'returns': 'Beta', 'if': 'HAVE_B' }
            { 'struct': 'Details', 'data': {
                'x': { 'type': 'str', 'if': 'HAVE_X', 'features': [ { 'name': 'f', 'if': 'HAVE_F' } ] } } }
            { 'event': 'EV', 'data': 'Details', 'boxed': true, 'features': [ { 'name': 'unstable', 'if': 'HAVE_F' } ] }
            """;

    @Test
    void withoutSymbolsEveryConditionalPartIsShown() throws Exception {
        assertJson("""
                [ { 'name': 'cmd-a', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '1' },
                  { 'name': 'cmd-b', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '2' },
                  { 'name': 'EV', 'meta-type': 'event', 'arg-type': '3', 'features': [ 'unstable' ] },
                  { 'name': '0', 'meta-type': 'object', 'members': [] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'a', 'type': 'str' } ] },
                  { 'name': '2', 'meta-type': 'object', 'members': [ { 'name': 'b', 'type': 'str' } ] },
                  { 'name': '3', 'meta-type': 'object',
                    'members': [ { 'name': 'x', 'type': 'str', 'features': [ 'f' ] } ] },
                  { 'name': 'str', 'meta-type': 'builtin', 'json-type': 'string' } ]
                """, Introspection.replyWithEverything(schema(CONDITIONAL), false));
    }

    /**
     * Numbers are given with everything present, so they have gaps where a build lacks something;
     * a type whose only user is missing is still shown; a feature list whose every feature is
     * missing is shown empty.
     */
    @Test
    void symbolsDropWhatTheBuildLacksAndKeepTheNumbers() throws Exception {
        assertJson("""
                [ { 'name': 'cmd-b', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '2' },
                  { 'name': 'EV', 'meta-type': 'event', 'arg-type': '3', 'features': [] },
                  { 'name': '0', 'meta-type': 'object', 'members': [] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'a', 'type': 'str' } ] },
                  { 'name': '2', 'meta-type': 'object', 'members': [ { 'name': 'b', 'type': 'str' } ] },
                  { 'name': '3', 'meta-type': 'object', 'members': [] },
                  { 'name': 'str', 'meta-type': 'builtin', 'json-type': 'string' } ]
                """, Introspection.reply(schema(CONDITIONAL), false, Set.of("HAVE_B")));
        assertJson("""
                [ { 'name': 'cmd-a', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '1' },
                  { 'name': 'EV', 'meta-type': 'event', 'arg-type': '3', 'features': [] },
                  { 'name': '0', 'meta-type': 'object', 'members': [] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'a', 'type': 'str' } ] },
                  { 'name': '3', 'meta-type': 'object', 'members': [ { 'name': 'x', 'type': 'str', 'features': [] } ] },
                  { 'name': 'str', 'meta-type': 'builtin', 'json-type': 'string' } ]
                """, Introspection.reply(schema(CONDITIONAL), false, Set.of("HAVE_CMD_A", "HAVE_X")));
    }

    @Test
    void conditionsOnEnumValuesAndFeaturesCombineAsWritten() throws Exception {
        Schema s = schema("""
                { 'enum': 'Mode', 'data': [ 'plain',
                    { 'name': 'fast', 'if': { 'all': [ 'A', { 'not': 'B' } ] }, 'features': [ 'unstable' ] },
                    { 'name': 'safe', 'if': { 'any': [ 'A', 'B' ] },
                      'features': [ { 'name': 'deprecated', 'if': 'B' } ] } ] }
                { 'command': 'set-mode', 'data': { 'mode': 'Mode' } }
                """);
        JsonNode onlyA = tree(Introspection.reply(s, false, Set.of("A"))).get(3);
        assertEquals(JSON.readTree("""
                { 'name': '2', 'meta-type': 'enum', 'values': [ 'plain', 'fast', 'safe' ],
                  'members': [ { 'name': 'plain' }, { 'name': 'fast', 'features': [ 'unstable' ] },
                               { 'name': 'safe', 'features': [] } ] }
                """), onlyA);
        JsonNode onlyB = tree(Introspection.reply(s, false, Set.of("B"))).get(3);
        assertEquals(JSON.readTree("""
                { 'name': '2', 'meta-type': 'enum', 'values': [ 'plain', 'safe' ],
                  'members': [ { 'name': 'plain' }, { 'name': 'safe', 'features': [ 'deprecated' ] } ] }
                """), onlyB);
    }

    @Test
    void commandsAndEventsComeModuleByModuleNotInReadingOrder() throws Exception {
        var result = Fixtures.file("main.json", """
                { 'command': 'first' }
                { 'include': 'sub.json' }
                { 'command': 'third' }
                """)
                .and("sub.json", "{ 'command': 'second', 'data': { 'x': 'int' } }\n")
                .compile();
        assertTrue(result.ok(), () -> result.errors().toString());
        assertJson("""
                [ { 'name': 'first', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0' },
                  { 'name': 'third', 'meta-type': 'command', 'arg-type': '0', 'ret-type': '0' },
                  { 'name': 'second', 'meta-type': 'command', 'arg-type': '1', 'ret-type': '0' },
                  { 'name': '0', 'meta-type': 'object', 'members': [] },
                  { 'name': '1', 'meta-type': 'object', 'members': [ { 'name': 'x', 'type': 'int' } ] },
                  { 'name': 'int', 'meta-type': 'builtin', 'json-type': 'int' } ]
                """, Introspection.replyWithEverything(result.schema(), false));
    }
}
