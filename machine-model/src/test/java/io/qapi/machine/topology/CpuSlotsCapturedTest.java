package io.qapi.machine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model against every capture of the real QEMU 7.2 in {@code real-7.2/out/hotplug-cpus/}:
 * {@code qom-get /machine smp}, {@code query-hotpluggable-cpus} (order, props, which have a
 * {@code qom-path}) and the props of {@code query-cpus-fast}.
 */
class CpuSlotsCapturedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path captures() {
        String shared = System.getProperty("qapi.shared", "../shared");
        return Path.of(shared, "qemu", "real-7.2", "out", "hotplug-cpus");
    }

    static Stream<String> captureNames() throws IOException {
        Path dir = captures();
        if (!Files.isDirectory(dir)) {
            return Stream.of("(absent)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("captureNames")
    void modelMatchesCapture(String name) throws Exception {
        assumeTrue(Files.isDirectory(captures()), "QEMU captures absent at " + captures() + ": set -Dqapi.shared");
        JsonNode capture = JSON.readTree(captures().resolve(name).toFile());
        String cmdline = capture.get("cmdline").asText();
        MachineTopologyFacts facts = cmdline.contains("-machine q35") ? SmpRulesTest.Q35 : SmpRulesTest.PC;
        CpuTopology topology = SmpRules.resolve(SmpText.parse(SmpText.of(cmdline)), facts);
        assertEquals(JSON.convertValue(capture.get("smp").get("return"), Map.class), topology.smpProperty());

        CpuSlots slots = CpuSlots.atStart(topology, facts);
        List<Map<String, Object>> expected = new ArrayList<>();
        for (JsonNode entry : capture.get("query-hotpluggable-cpus").get("return")) {
            expected.add(Map.of(
                    "props",
                    JSON.convertValue(entry.get("props"), Map.class),
                    "type",
                    entry.get("type").asText(),
                    "vcpus-count",
                    entry.get("vcpus-count").asInt(),
                    "plugged",
                    entry.has("qom-path")));
        }
        List<Map<String, Object>> actual = new ArrayList<>();
        for (CpuSlot slot : slots.hotpluggableOrder()) {
            actual.add(Map.of(
                    "props",
                    slot.props().asMap(),
                    "type",
                    slot.type(),
                    "vcpus-count",
                    slot.vcpusCount(),
                    "plugged",
                    slots.isPlugged(slot.index())));
        }
        assertEquals(expected, actual);

        List<Object> fastProps = new ArrayList<>();
        capture.get("query-cpus-fast")
                .get("return")
                .forEach(e -> fastProps.add(
                        List.of(e.get("cpu-index").asInt(), JSON.convertValue(e.get("props"), Map.class))));
        assertEquals(
                fastProps,
                slots.pluggedSlots().stream()
                        .map(s -> (Object) List.of(s.index(), s.props().asMap()))
                        .toList());
    }
}
