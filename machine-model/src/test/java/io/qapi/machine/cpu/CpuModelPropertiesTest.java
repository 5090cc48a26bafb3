package io.qapi.machine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Properties applied to a full expansion: aliases set together, QEMU's texts for bad ones, input untouched. */
class CpuModelPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aFeatureIsSetUnderEveryNameItGoesBy() throws Exception {
        JsonNode expanded = json("{'sse4.2': true, 'sse4_2': true, 'sse4-2': true, 'aes': false, 'xlevel': 7}");
        JsonNode applied =
                CpuModelProperties.apply("Nehalem-x86_64-cpu", expanded, json("{'aes': true, 'sse4_2': false}"));
        assertEquals(json("{'sse4.2': false, 'sse4_2': false, 'sse4-2': false, 'aes': true, 'xlevel': 7}"), applied);
        assertEquals(json("{'sse4.2': true, 'sse4_2': true, 'sse4-2': true, 'aes': false, 'xlevel': 7}"), expanded);
    }

    @Test
    void unknownAndWronglyTypedPropertiesAreRefusedAsQemuDoes() throws Exception {
        JsonNode expanded = json("{'aes': false, 'xlevel': 7, 'core-id': -1, 'model-id': 'x'}");
        assertEquals(
                "Property 'qemu64-x86_64-cpu.nope' not found",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CpuModelProperties.apply("qemu64-x86_64-cpu", expanded, json("{'nope': true}")))
                        .getMessage());
        assertEquals(
                "Invalid parameter type for 'aes', expected: boolean",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CpuModelProperties.apply("t", expanded, json("{'aes': 'yes'}")))
                        .getMessage());
        assertEquals(
                "Parameter 'xlevel' expects uint64",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CpuModelProperties.apply("t", expanded, json("{'xlevel': 'x'}")))
                        .getMessage());
        assertEquals(
                "Invalid parameter type for 'model-id', expected: string",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> CpuModelProperties.apply("t", expanded, json("{'model-id': 1}")))
                        .getMessage());
    }
}
