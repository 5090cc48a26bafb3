package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What the normalisation drops and orders, and what it must leave alone. */
class NormaliserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Scenario scenario(String text) throws Exception {
        return Scenario.parse("test", JSON.readTree(text));
    }

    private static JsonNode outcome(String replies, String events) throws Exception {
        return JSON.readTree(
                "{\"greeting\": {}, \"replies\": " + replies + ", \"events\": " + events + ", \"end\": \"running\"}");
    }

    @Test
    void eventTimestampsAndCpuThreadIdsGoButTheRestStays() throws Exception {
        Scenario s = scenario(
                "{\"args\": [], \"steps\": [{\"execute\": \"query-cpus-fast\"}, {\"execute\": \"query-hotpluggable-cpus\"}]}");
        JsonNode a = outcome("""
                [{"return": [{"cpu-index": 0, "thread-id": 4711, "props": {"thread-id": 0}}]},
                 {"return": [{"props": {"thread-id": 1}}]}]""", "[{\"event\": \"STOP\", \"timestamp\": {\"seconds\": 1, \"microseconds\": 2}}]");
        JsonNode n = Normaliser.normalise(a, s);
        assertFalse(n.at("/replies/0/return/0").has("thread-id"));
        assertEquals(
                0, n.at("/replies/0/return/0/props/thread-id").asInt(), "the topology's thread-id is not the host's");
        assertEquals(1, n.at("/replies/1/return/0/props/thread-id").asInt());
        assertFalse(n.at("/events/0").has("timestamp"));
        assertTrue(a.at("/events/0").has("timestamp"), "the argument is left unchanged");
    }

    @Test
    void onlyUnorderedCommandsHaveTheirListsSorted() throws Exception {
        Scenario s = scenario("""
                {"args": [], "steps": [{"execute": "qom-list-types"}, {"execute": "query-machines"}],
                 "unordered": ["qom-list-types"]}""");
        JsonNode a = outcome(
                "[{\"return\": [{\"name\": \"b\"}, {\"name\": \"a\"}]}, {\"return\": [{\"name\": \"b\"}, {\"name\": \"a\"}]}]",
                "[]");
        JsonNode b = outcome(
                "[{\"return\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}, {\"return\": [{\"name\": \"b\"}, {\"name\": \"a\"}]}]",
                "[]");
        assertTrue(JsonDiff.first(Normaliser.normalise(a, s), Normaliser.normalise(b, s))
                .isEmpty());
        JsonNode c = outcome(
                "[{\"return\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}, {\"return\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}]",
                "[]");
        assertEquals(
                "/replies/1/return/0/name",
                JsonDiff.first(Normaliser.normalise(a, s), Normaliser.normalise(c, s))
                        .orElseThrow()
                        .pointer());
    }

    @Test
    void ignoredPointersAreDroppedFromBoth() throws Exception {
        Scenario s =
                scenario("{\"args\": [], \"steps\": [{\"execute\": \"x\"}], \"ignore\": [\"/replies/0/return/host\"]}");
        JsonNode a = outcome("[{\"return\": {\"host\": 1, \"kept\": 2}}]", "[]");
        JsonNode b = outcome("[{\"return\": {\"host\": 9, \"kept\": 2}}]", "[]");
        assertTrue(JsonDiff.first(Normaliser.normalise(a, s), Normaliser.normalise(b, s))
                .isEmpty());
        JsonNode c = outcome("[{\"return\": {\"host\": 9, \"kept\": 3}}]", "[]");
        assertEquals(
                "/replies/0/return/kept",
                JsonDiff.first(Normaliser.normalise(a, s), Normaliser.normalise(c, s))
                        .orElseThrow()
                        .pointer());
    }

    @Test
    void theProgramNameIsStrippedFromEachStderrLine() {
        assertEquals(
                "Invalid SMP CPUs 0. The min CPUs supported by machine 'pc-i440fx-7.2' is 1\nsecond: line",
                TargetRun.withoutProgramName(
                        "qemu-system-x86_64: Invalid SMP CPUs 0. The min CPUs supported by machine "
                                + "'pc-i440fx-7.2' is 1\nqemu-model: second: line\n"));
    }
}
