package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of the CPU objects: lists kept once, values as edits of the most alike model. */
class CpuInstanceLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode model(String words) throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"list": [["type", "string"], ["feature-words", "X86CPUFeatureWordInfo"]],
                 "values": {"type": {"return": "m"}, "feature-words": {"return": %s}}}
                """.formatted(words));
    }

    @Test
    void aListThatChangesInSomeItemsStoresOnlyThoseAndDecodesWhole() throws IOException {
        Map<String, ObjectNode> models = new LinkedHashMap<>();
        models.put("a", model("[{\"features\": 1}, {\"features\": 2}, {\"features\": 3}]"));
        models.put("b", model("[{\"features\": 1}, {\"features\": 7}, {\"features\": 3}]"));
        models.put("c", model("[{\"features\": 1}, {\"features\": 7}, {\"features\": 9}]"));
        JsonNode file = JSON.readTree(JSON.writeValueAsString(CpuInstanceLayout.compact("pc-i440fx-7.2", models)));
        assertEquals(1, file.path("lists").size());
        assertEquals("b", file.path("models").path("c").path("like").asText());
        assertEquals(
                JSON.readTree("{\"changed-items\": {\"2\": {\"features\": 9}}}"),
                file.path("models").path("c").path("values").path("feature-words"));
        for (Map.Entry<String, ObjectNode> model : models.entrySet()) {
            CpuInstanceLayout.CapturedCpu cpu = CpuInstanceLayout.decode(file, model.getKey())
                    .orElseThrow()
                    .cpu()
                    .orElseThrow();
            assertEquals(
                    model.getValue().path("values").path("feature-words"),
                    cpu.values().get("feature-words"));
        }
    }

    @Test
    void aModelTheBoardRefusedKeepsQemusMessageAndAnUnknownOneIsAbsent() throws IOException {
        Map<String, ObjectNode> models = new LinkedHashMap<>();
        models.put("cortex-m4", (ObjectNode)
                JSON.readTree("{\"error\": \"mach-virt: CPU type cortex-m4-arm-cpu not supported\"}"));
        JsonNode file = CpuInstanceLayout.compact("virt-7.2", models);
        CpuInstanceLayout.Result refused =
                CpuInstanceLayout.decode(file, "cortex-m4").orElseThrow();
        assertTrue(refused.cpu().isEmpty());
        assertEquals("mach-virt: CPU type cortex-m4-arm-cpu not supported", refused.refusal());
        assertTrue(CpuInstanceLayout.decode(file, "cortex-a15").isEmpty());
    }
}
