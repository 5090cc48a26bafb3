package io.qapi.runtime.keyval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The syntax, rule by rule: what each accepted input becomes. */
class KeyvalTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Single quotes stand for double ones, to keep the expected trees readable. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                              | {}
            a=1                             | {'a': '1'}
            a=1,b=2                         | {'a': '1', 'b': '2'}
            a=1,                            | {'a': '1'}
            a=                              | {'a': ''}
            a=,b=                           | {'a': '', 'b': ''}
            a=1=2                           | {'a': '1=2'}
            a=x,,y                          | {'a': 'x,y'}
            a=,,                            | {'a': ','}
            a=,,,                           | {'a': ','}
            a=,,,,,b=2                      | {'a': ',,', 'b': '2'}
            x=,,id=bar                      | {'x': ',id=bar'}
            a=1,b=2,,x,a=3                  | {'a': '3', 'b': '2,x'}
            id=foo,id=bar                   | {'id': 'bar'}
            id=666                          | {'id': '666'}
            a.b=1                           | {'a': {'b': '1'}}
            a.b.c=1,a.b.c=2,d=3             | {'a': {'b': {'c': '2'}}, 'd': '3'}
            a.b=1,a.c=2                     | {'a': {'b': '1', 'c': '2'}}
            A-b_c9=v                        | {'A-b_c9': 'v'}
            a.x-y.Z_9=v                     | {'a': {'x-y': {'Z_9': 'v'}}}
            __com.example_x=1               | {'__com.example_x': '1'}
            __com.example_x.y=1             | {'__com.example_x': {'y': '1'}}
            ___x=1                          | {'___x': '1'}
            a.__org-x_y=1                   | {'a': {'__org-x_y': '1'}}
            help=on                         | {'help': 'on'}
            a=väl☃ue                        | {'a': 'väl☃ue'}
            a=sp ace                        | {'a': 'sp ace'}
            """)
    void withoutImpliedKey(String params, String expected) {
        assertEquals(json(expected), Keyval.parse(params));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            an,aus=off,noaus=               | {'implied': 'an', 'aus': 'off', 'noaus': ''}
            node                            | {'implied': 'node'}
            node,                           | {'implied': 'node'}
            node,implied=other              | {'implied': 'other'}
            7up                             | {'implied': '7up'}
            a b.c                           | {'implied': 'a b.c'}
            help.abc                        | {'implied': 'help.abc'}
            helpme                          | {'implied': 'helpme'}
            ?x                              | {'implied': '?x'}
            x=1                             | {'x': '1'}
            ""                              | {}
            """)
    void withImpliedKey(String params, String expected) {
        assertEquals(json(expected), Keyval.parse(params, "implied"));
    }

    @Test
    void impliedKeyMayBeDotted() {
        assertEquals(json("{'eins': {'zwei': 'val'}}"), Keyval.parse("val", "eins.zwei"));
        assertEquals(json("{'l': ['v']}"), Keyval.parse("v", "l.0"));
    }

    @Test
    void onlyTheFirstItemMayUseTheImpliedKey() {
        QmpErrors.assertGeneric("Expected '=' after parameter 'b'", () -> Keyval.parse("a,b", "t"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            list.0=null,list.2=zwei,list.1=eins               | {'list': ['null', 'eins', 'zwei']}
            list.1=goner,list.0=null,list.01=eins,list.2=zwei | {'list': ['null', 'eins', 'zwei']}
            a.list.1=eins,a.list.00=null,a.list.2=zwei        | {'a': {'list': ['null', 'eins', 'zwei']}}
            l.0.x=1,l.1.x=2,l.0.y=3                           | {'l': [{'x': '1', 'y': '3'}, {'x': '2'}]}
            l.0.0=a,l.0.1=b,l.1.0=c                           | {'l': [['a', 'b'], ['c']]}
            l.0=a,l.0=b                                       | {'l': ['b']}
            """)
    void digitFragmentsMakeLists(String params, String expected) {
        assertEquals(json(expected), Keyval.parse(params));
    }

    @Test
    void everyValueIsAString() {
        ObjectNode tree = Keyval.parse("n=1,b=on,z=null,f=1.5");
        tree.fields().forEachRemaining(e -> assertTrue(e.getValue().isTextual(), e.getKey()));
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertHelp("", "help", null);
        assertHelp("", "help", "implied");
        assertHelp("", "?", "implied");
        assertHelp("", "help,", null);
        assertHelp("{'number': '42', 'foo': 'bar'}", "number=42,help,foo=bar", null);
        assertHelp("{'implied': 'val', 'foo': 'bar'}", "val,help,foo=bar", "implied");
        assertHelp("{'driver': 'e1000'}", "e1000,help", "driver");
        assertHelp("{'a': '1'}", "a=1,?", null);
        assertHelp("{'a': '1'}", "help,a=1,help", null);
    }

    @Test
    void noHelpIsReportedWhenNoneIsAsked() {
        Keyval.Parsed parsed = Keyval.parseWithHelp("help=on", null);
        assertFalse(parsed.help());
        assertEquals(json("{'help': 'on'}"), parsed.tree());
        assertFalse(Keyval.parseWithHelp("help.abc", "implied").help());
    }

    @Test
    void helpDoesNotHideLaterErrors() {
        QmpErrors.assertGeneric(
                "Expected '=' after parameter 'foo'", () -> Keyval.parseWithHelp("help,foo", "implied"));
        QmpErrors.assertGeneric("Parameter 'l.1' missing", () -> Keyval.parseWithHelp("help,l.2=x,l.0=y", null));
    }

    private static void assertHelp(String expected, String params, String impliedKey) {
        Keyval.Parsed parsed = Keyval.parseWithHelp(params, impliedKey);
        assertTrue(parsed.help(), params);
        assertEquals(json(expected.isEmpty() ? "{}" : expected), parsed.tree(), params);
    }

    @Test
    void aNulCharacterEndsTheText() {
        assertEquals(json("{'a': '1'}"), Keyval.parse("a=1\0,b=2"));
        assertEquals(json("{}"), Keyval.parse("\0junk"));
        assertEquals(json("{'t': 'x'}"), Keyval.parse("x\0=1", "t"));
    }

    @Test
    void fragmentsOf127CharactersAreAccepted() {
        String name = "a".repeat(126) + "z";
        assertEquals(json("{'" + name + "': 'v'}"), Keyval.parse(name + "=v"));
        assertEquals(json("{'k': {'" + name + "': 'v'}}"), Keyval.parse("k." + name + "=v"));
        String digits = "0".repeat(127);
        assertEquals(json("{'k': ['v']}"), Keyval.parse("k." + digits + "=v"));
    }

    @Test
    void anInvalidImpliedKeyIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Keyval.parse("x", ""));
        assertThrows(IllegalArgumentException.class, () -> Keyval.parse("x", "a b"));
        assertThrows(IllegalArgumentException.class, () -> Keyval.parse("x=1", "0"));
        assertThrows(IllegalArgumentException.class, () -> Keyval.parse("", "a."));
        assertThrows(NullPointerException.class, () -> Keyval.parse(null, "a"));
    }

    @Test
    void veryDeepKeysNeitherOverflowNorRecurse() {
        int depth = 200_000;
        String params = "a.".repeat(depth) + "b=v";
        JsonNode node = Keyval.parse(params);
        for (int i = 0; i < depth; i++) {
            node = node.get("a");
        }
        assertEquals("v", node.get("b").textValue());
        QmpErrors.assertGeneric(
                "Parameter '" + "a.".repeat(depth) + "1' missing",
                () -> Keyval.parse("a.".repeat(depth) + "0=x," + "a.".repeat(depth) + "2=y"));
    }
}
