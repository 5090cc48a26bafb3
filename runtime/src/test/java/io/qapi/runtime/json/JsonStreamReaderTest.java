package io.qapi.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader against QEMU 7.2's observed behaviour (§4, §6 of the real-7.2 notes) and its rules. */
class JsonStreamReaderTest {

    /** What the reader made of some input: values as compact JSON, errors as "error: desc". */
    static List<String> read(Limits limits, byte[]... chunks) {
        List<String> out = new ArrayList<>();
        JsonStreamReader reader = new JsonStreamReader(limits, new JsonStreamReader.Handler() {
            @Override
            public void message(JsonNode message) {
                out.add(JsonWriter.INSERTION.text(message));
            }

            @Override
            public void error(String desc) {
                out.add("error: " + desc);
            }
        });
        for (byte[] chunk : chunks) {
            reader.feed(chunk, 0, chunk.length);
        }
        return out;
    }

    static List<String> read(String... chunks) {
        byte[][] bytes = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            bytes[i] = chunks[i].getBytes(StandardCharsets.UTF_8);
        }
        return read(Limits.DEFAULT, bytes);
    }

    @Test
    void bareTokenGivesTwoErrors() {
        assertEquals(
                List.of("error: JSON parse error, stray '-v'", "error: JSON parse error, expecting value"),
                read("{\"execute\": query-version}\n"));
    }

    @Test
    void qemuParseErrors() {
        assertEquals(List.of("error: JSON parse error, expecting value"), read("{\"execute\": \"query-version\",}\n"));
        assertEquals(
                List.of("error: JSON parse error, missing : in object pair"),
                read("{\"execute\" \"query-version\"}\n"));
        assertEquals(
                List.of("error: JSON parse error, invalid escape sequence in string"),
                read("{\"execute\": \"query-\\qversion\"}\n"));
    }

    @Test
    void surplusBraceAfterAMessage() {
        assertEquals(
                List.of("{\"execute\": \"query-version\"}", "error: JSON parse error, expecting value"),
                read("{\"execute\": \"query-version\"}}\n"));
    }

    @Test
    void singleQuotesAndPartialInput() {
        assertEquals(List.of("{\"execute\": \"query-version\"}"), read("{'execute': 'query-version'}\n"));
        assertEquals(List.of("{\"execute\": \"query-version\"}"), read("{\"execute\": \"query-version\"\n", "}\n"));
        assertEquals(List.of(), read("{\"execute\": \"query-version\"\n"));
        assertEquals(List.of(), read("   \n\n"));
    }

    @Test
    void messagesWithoutSeparators() {
        assertEquals(
                List.of("{\"execute\": \"a\"}", "{\"execute\": \"b\"}", "42", "\"x\"", "null", "[1, 2, 3]"),
                read("{\"execute\": \"a\"}{\"execute\": \"b\"}42\n\"x\" null [1, 2, 3]"));
    }

    @Test
    void strayBytesAndResynchronisation() {
        // 0xFF is never valid UTF-8; the stray text is shown as QEMU shows it, U+FFFD.
        assertEquals(
                List.of("error: JSON parse error, stray '\uFFFD'", "{\"execute\": \"x\"}"),
                read(
                        Limits.DEFAULT,
                        new byte[] {(byte) 0xFF},
                        "{\"execute\": \"x\"}".getBytes(StandardCharsets.UTF_8)));
        // After an error, input up to a structural character is skipped.
        assertEquals(List.of("error: JSON parse error, stray 'A'", "{\"a\": 1}"), read("Agarbage{\"a\": 1}"));
        assertEquals(List.of("error: JSON parse error, stray '01'"), read("01 "));
        assertEquals(List.of("error: JSON parse error, stray '\"ab\n'"), read("\"ab\n"));
    }

    @Test
    void parserMessages() {
        assertEquals(List.of("error: JSON parse error, duplicate key"), read("{\"a\": 1, \"a\": 2}"));
        assertEquals(List.of("error: JSON parse error, key is not a string in object"), read("{1: 2}"));
        assertEquals(List.of("error: JSON parse error, expected separator in dict"), read("{\"a\": 1 \"b\": 2}"));
        assertEquals(List.of("error: JSON parse error, expected separator in list"), read("[1 2]"));
        assertEquals(List.of("error: JSON parse error, invalid keyword 'nul'"), read("nul "));
        assertEquals(List.of("error: JSON parse error, \\u12\" is not a valid Unicode character"), read("\"\\u12\""));
        assertEquals(List.of("error: JSON parse error, \\uD800 is not a valid Unicode character"), read("\"\\uD800\""));
        assertEquals(List.of("error: JSON parse error, \\uFFFF is not a valid Unicode character"), read("\"\\uFFFF\""));
        assertEquals(
                List.of("error: JSON parse error, invalid UTF-8 sequence in string"),
                read(Limits.DEFAULT, new byte[] {'"', (byte) 0xC3, '"'}));
    }

    @Test
    void stringsAndNumbers() {
        assertEquals(
                List.of("[\"\\u00E9\\uD83D\\uDE00\", \"'\\\"\", \"\\u0000\"]"),
                read("[\"é\\uD83D\\uDE00\", '\\'\"', \"\\u0000\"]"));
        assertEquals(
                List.of("[0, 9223372036854775807, 18446744073709551615, 1.8446744073709552e+19, 0.10000000000000001]"),
                read("[-0, 9223372036854775807, 18446744073709551615, 18446744073709551616, 0.1]"));
    }

    @Test
    void closingBracesInsideAnOpenArrayDoNotEndTheMessage() {
        // QEMU 7.2 waits while brackets are open, whatever the braces say.
        assertEquals(List.of(), read("[}"));
        assertEquals(List.of("error: JSON parse error, expecting value"), read("[}", "]"));
    }

    @Test
    void limits() {
        Limits small = new Limits(64, 8, 3);
        // The fourth '[' is refused with all before it; each ']' left over is then a message.
        String unmatched = "error: JSON parse error, expecting value";
        assertEquals(
                List.of("error: JSON nesting depth limit exceeded", unmatched, unmatched, unmatched, unmatched),
                read(small, "[[[[]]]]".getBytes(StandardCharsets.UTF_8)));
        List<String> big = read(small, ("\"" + "x".repeat(100) + "\"").getBytes(StandardCharsets.UTF_8));
        assertEquals("error: JSON token size limit exceeded", big.get(0));
        assertEquals(
                List.of("error: JSON token count limit exceeded"),
                read(small, "[1,2,3,4,5]".getBytes(StandardCharsets.UTF_8)).subList(0, 1));
    }

    @Test
    void aTokenThatNeverEndsIsCutAtTheLimit() {
        Limits small = new Limits(1024, 100, 10);
        byte[] chunk = new byte[4096];
        Arrays.fill(chunk, (byte) 'x');
        chunk[0] = '"';
        List<String> out = read(small, chunk, chunk, chunk);
        assertTrue(out.contains("error: JSON token size limit exceeded"), out.toString());
    }
}
