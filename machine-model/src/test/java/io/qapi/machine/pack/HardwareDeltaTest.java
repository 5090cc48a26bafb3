package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Differences between boards, device by device: what a machine switch does to a board. */
class HardwareDeltaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void theDifferenceTurnsOneBoardIntoTheOther() throws Exception {
        JsonNode before = json("{'devices': [{'path': '/m/a', 'type': 'x'}, {'path': '/m/b', 'type': 'y', 'addr': 8}],"
                + " 'buses': [{'path': '/m/a/bus', 'type': 'PCI', 'devices': ['/m/b']}]}");
        JsonNode after = json("{'devices': [{'path': '/m/a', 'type': 'x'}, {'path': '/m/b', 'type': 'y', 'addr': 16},"
                + " {'path': '/m/c', 'type': 'z'}], 'buses': []}");
        JsonNode delta = HardwareDelta.between(before, after);
        assertEquals(
                json("{'devices': {'set': [{'path': '/m/b', 'type': 'y', 'addr': 16}, {'path': '/m/c', 'type': 'z'}]},"
                        + " 'buses': {'removed': ['/m/a/bus']}}"),
                delta);
        assertEquals(after, HardwareDelta.apply(before, delta));
        assertEquals(json("{}"), HardwareDelta.between(after, after));
    }

    @Test
    void recordsStayInPathOrderAsTheBoardWalkVisitsThem() throws Exception {
        JsonNode before = json("{'devices': [{'path': '/m/u/device[1]'}, {'path': '/m/u/device[3]'}], 'buses': []}");
        JsonNode delta = json("{'devices': {'set': [{'path': '/m/u/device[2]'}, {'path': '/m/a'}]}}");
        List<String> paths = HardwareDelta.apply(before, delta).path("devices").findValuesAsText("path");
        assertEquals(List.of("/m/a", "/m/u/device[1]", "/m/u/device[2]", "/m/u/device[3]"), paths);
    }
}
