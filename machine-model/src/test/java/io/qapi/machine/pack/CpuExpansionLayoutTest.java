package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The compact form of the CPU expansions gives back every reply, whatever its properties. */
class CpuExpansionLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode replies() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"a": {"full": {"return": {"model": {"name": "a", "props": {"x": 1, "y": true, "z": "s"}}}}},
                 "b": {"full": {"return": {"model": {"name": "b", "props": {"x": 1, "y": false}}}}},
                 "c": {"full": {"return": {"model": {"name": "c", "props": {"x": 1, "y": true, "z": "s", "w": 0}}}}},
                 "d": {"full": {"error": {"class": "GenericError", "desc": "no"}},
                       "static": {"return": {"model": {"name": "base", "props": {"x": 2}}}}}}
                """);
    }

    @Test
    void everyReplyComesBackFromTheCompactForm() throws Exception {
        ObjectNode replies = replies();
        JsonNode compact = CpuExpansionLayout.compact(replies.deepCopy());
        assertEquals(replies, CpuExpansionLayout.expand(compact));
        for (String model : new String[] {"a", "b", "c", "d"}) {
            assertEquals(
                    replies.path(model).path("full"),
                    CpuExpansionLayout.expand(compact, model, "full").orElseThrow(),
                    model);
        }
        assertTrue(CpuExpansionLayout.expand(compact, "e", "full").isEmpty(), "a model not captured");
    }

    @Test
    void modelsKeepOnlyWhatDiffersFromTheCommonValues() throws Exception {
        JsonNode compact = CpuExpansionLayout.compact(replies());
        assertEquals(
                JSON.readTree("{\"x\": 1, \"y\": true, \"z\": \"s\", \"w\": 0}"),
                compact.path("reference").path("full"));
        assertEquals(
                0,
                compact.path("models")
                        .path("a")
                        .path("full")
                        .path("return")
                        .path("model")
                        .path("props")
                        .size(),
                "a has the common values only");
        assertEquals(
                JSON.readTree("{\"y\": false}"),
                compact.path("models")
                        .path("b")
                        .path("full")
                        .path("return")
                        .path("model")
                        .path("props"));
        assertEquals(
                JSON.readTree("[\"z\", \"w\"]"),
                compact.path("models").path("b").path("full").path("absent"));
    }
}
