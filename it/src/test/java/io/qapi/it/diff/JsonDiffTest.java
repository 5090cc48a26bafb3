package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The comparator finds planted differences, names their place, and ignores key order only. */
class JsonDiffTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void keyOrderDoesNotMatter() throws Exception {
        assertTrue(JsonDiff.first(json("{\"a\": 1, \"b\": [true, null]}"), json("{\"b\": [true, null], \"a\": 1}"))
                .isEmpty());
    }

    @Test
    void aPlantedDifferenceIsReportedWithItsPointer() throws Exception {
        JsonNode reference = json("""
                {"replies": [{"return": {}}, {"return": [{"name": "pc", "cpu-max": 255}, {"name": "q35", "cpu-max": 288}]}]}""");
        JsonNode candidate = json("""
                {"replies": [{"return": {}}, {"return": [{"cpu-max": 255, "name": "pc"}, {"name": "q35", "cpu-max": 255}]}]}""");
        JsonDiff.Difference d = JsonDiff.first(reference, candidate).orElseThrow();
        assertEquals("/replies/1/return/1/cpu-max", d.pointer());
        assertEquals(288, d.reference().asInt());
        assertEquals(255, d.candidate().asInt());
    }

    @Test
    void aMissingMemberIsADifference() throws Exception {
        JsonDiff.Difference d = JsonDiff.first(
                        json("{\"props\": {\"core-id\": 0, \"node-id\": 0}}"), json("{\"props\": {\"core-id\": 0}}"))
                .orElseThrow();
        assertEquals("/props/node-id", d.pointer());
        assertEquals(null, d.candidate());
    }

    @Test
    void arrayOrderAndLengthMatter() throws Exception {
        assertEquals(
                "/0",
                JsonDiff.first(json("[1, 2]"), json("[2, 1]")).orElseThrow().pointer());
        JsonDiff.Difference longer =
                JsonDiff.first(json("[1, 2]"), json("[1, 2, 3]")).orElseThrow();
        assertEquals("/2", longer.pointer());
        assertEquals(null, longer.reference());
    }

    @Test
    void typesMatterButIntegerSizesDoNot() throws Exception {
        assertEquals(
                "/size",
                JsonDiff.first(json("{\"size\": 1}"), json("{\"size\": \"1\"}"))
                        .orElseThrow()
                        .pointer());
        assertEquals(
                "/size",
                JsonDiff.first(json("{\"size\": 1}"), json("{\"size\": 1.0}"))
                        .orElseThrow()
                        .pointer());
        assertTrue(JsonDiff.first(
                        json("{\"size\": 4294967296}"), JSON.createObjectNode().put("size", 4294967296L))
                .isEmpty());
        assertTrue(JsonDiff.first(
                        JSON.createObjectNode().put("n", 7),
                        JSON.createObjectNode().put("n", 7L))
                .isEmpty());
    }

    @Test
    void pointersEscapeSlashAndTilde() throws Exception {
        assertEquals(
                "/a~1b/c~0d",
                JsonDiff.first(json("{\"a/b\": {\"c~d\": 1}}"), json("{\"a/b\": {\"c~d\": 2}}"))
                        .orElseThrow()
                        .pointer());
    }

    @Test
    void theReferencesMemberOrderDecidesWhichDifferenceComesFirst() throws Exception {
        JsonDiff.Difference d = JsonDiff.first(
                        json("{\"greeting\": {}, \"replies\": [], \"end\": \"running\"}"),
                        json("{\"start-error\": {\"exit\": 1, \"stderr\": \"x\"}}"))
                .orElseThrow();
        assertEquals("/greeting", d.pointer());
        assertEquals(null, d.candidate());
        assertEquals(
                "/start-error",
                JsonDiff.first(json("{\"end\": \"running\"}"), json("{\"end\": \"running\", \"start-error\": {}}"))
                        .orElseThrow()
                        .pointer());
    }
}
