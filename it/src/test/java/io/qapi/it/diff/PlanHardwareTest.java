package io.qapi.it.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code plan-hardware} against the real QEMU 7.2: a loose configuration (devices without
 * addresses, some without buses) is planned by the model, then the same loose command line is
 * started on QEMU, and every device's {@code addr} and {@code parent_bus} there must be what
 * the plan says; a configuration QEMU refuses must be refused with QEMU's words.
 */
class PlanHardwareTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Loose(String name, String machine, List<String> devices) {}

    private static final List<Loose> CASES = List.of(
            new Loose(
                    "pc-nics",
                    "pc",
                    List.of("e1000,id=a", "rtl8139,id=b", "virtio-net-pci,id=c,addr=0x9", "e1000e,id=d")),
            new Loose(
                    "pc-bridge",
                    "pc",
                    List.of(
                            "pci-bridge,id=br,chassis_nr=1",
                            "e1000,id=a,bus=br",
                            "e1000,id=b,bus=br",
                            "virtio-net-pci,id=c")),
            new Loose(
                    "q35-ports",
                    "q35",
                    List.of(
                            "pcie-root-port,id=rp1,chassis=1,slot=1",
                            "pcie-root-port,id=rp2,chassis=2,slot=2",
                            "e1000e,id=a,bus=rp1",
                            "virtio-net-pci,id=b,bus=rp2",
                            "pcie-pci-bridge,id=br,bus=rp1,addr=0x3",
                            "rtl8139,id=c,bus=br",
                            "e1000,id=d")),
            new Loose(
                    "q35-multifunction",
                    "q35",
                    List.of(
                            "pcie-root-port,id=rp1,chassis=1,slot=1,addr=0x4," + "multifunction=on",
                            "pcie-root-port,id=rp2,chassis=2,slot=2,addr=0x4.1",
                            "e1000e,id=a,bus=rp2")),
            new Loose("pc-clash", "pc", List.of("e1000,id=a,addr=0x5", "rtl8139,id=b,addr=0x5")));

    @TestFactory
    Stream<DynamicTest> plansAreWhatQemuBuilds() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Loose loose) throws Exception {
        Targets.assumeInstalled(Scenario.DEFAULT_BINARY);
        Path dir = Files.createTempDirectory("plan-hardware");
        ObjectNode plan = JSON.createObjectNode().put("execute", "plan-hardware");
        ObjectNode arguments = plan.putObject("arguments").put("type", loose.machine());
        ArrayNode devices = arguments.putArray("devices");
        List<String> argv = new ArrayList<>(List.of("-machine", loose.machine(), "-nodefaults", "-S"));
        for (String device : loose.devices()) {
            argv.add("-device");
            argv.add(device);
            String[] items = device.split(",");
            ObjectNode object = devices.addObject().put("driver", items[0]);
            for (int i = 1; i < items.length; i++) {
                object.put(items[i].substring(0, items[i].indexOf('=')), items[i].substring(items[i].indexOf('=') + 1));
            }
        }
        Scenario planning = new Scenario(
                loose.name(),
                loose.name(),
                Scenario.DEFAULT_BINARY,
                List.of("-machine", "none", "-S"),
                List.of(),
                List.of(plan),
                Set.of(),
                List.of());
        JsonNode planned = TargetRun.run(
                        Targets.candidate(planning), planning, Files.createDirectories(dir.resolve("m")))
                .path("replies")
                .path(0);

        Map<String, String[]> placed = new LinkedHashMap<>();
        collect(planned.path("return").path("root"), placed);
        List<JsonNode> steps = new ArrayList<>();
        for (String id : placed.keySet()) {
            steps.add(qomGet(id, "addr"));
            steps.add(qomGet(id, "parent_bus"));
        }
        Scenario real = new Scenario(
                loose.name(), loose.name(), Scenario.DEFAULT_BINARY, argv, List.of(), steps, Set.of(), List.of());
        JsonNode qemu = TargetRun.run(Targets.reference(real), real, Files.createDirectories(dir.resolve("q")));
        if (qemu.has("start-error")) {
            assertEquals(
                    "-device "
                            + qemu.path("start-error")
                                    .path("stderr")
                                    .asText()
                                    .strip()
                                    .replaceFirst("^-device ", ""),
                    planned.path("error").path("desc").asText(),
                    loose.name());
            return;
        }
        int i = 0;
        for (Map.Entry<String, String[]> device : placed.entrySet()) {
            String[] at = device.getValue();
            int devfn = Integer.parseInt(at[0].substring(0, 2), 16) << 3 | Integer.parseInt(at[0].substring(3), 16);
            assertEquals(devfn, qemu.path("replies").path(i++).path("return").asInt(-1), device.getKey() + " addr");
            assertEquals(at[1], qemu.path("replies").path(i++).path("return").asText(), device.getKey() + " bus");
        }
        assertEquals(loose.devices().size(), placed.size(), "every device planned: " + planned);
    }

    /** Every added device with an id: its address and the QOM path of its bus. */
    private static void collect(JsonNode bus, Map<String, String[]> placed) {
        for (JsonNode device : bus.path("devices")) {
            if (!device.path("implicit").asBoolean() && device.has("id")) {
                placed.put(device.path("id").asText(), new String[] {
                    device.path("address").asText(), bus.path("path").asText()
                });
            }
            device.path("buses").forEach(child -> collect(child, placed));
        }
    }

    private static JsonNode qomGet(String id, String property) {
        ObjectNode step = JSON.createObjectNode().put("execute", "qom-get");
        step.putObject("arguments").put("path", "/machine/peripheral/" + id).put("property", property);
        return step;
    }
}
