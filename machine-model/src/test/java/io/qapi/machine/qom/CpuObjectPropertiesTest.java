package io.qapi.machine.qom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.CpuInstanceLayout;
import io.qapi.machine.pack.CpuInstanceLayout.Property;
import io.qapi.runtime.api.QmpError;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CPU object's properties from a small capture in QEMU 7.2's words (a {@code qemu64} first CPU
 * cut down to a few properties of each kind, and a {@code cortex-a15} one), stored as the capture
 * stores them.
 */
class CpuObjectPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String QEMU64 = """
            {"list": [["type", "string"], ["realized", "bool"], ["hotplugged", "bool"], ["parent_bus", "link<bus>"],
                      ["legacy-memory", "str"], ["apic-id", "uint32"], ["socket-id", "int32"], ["die-id", "int32"],
                      ["node-id", "int32"], ["avx", "bool"], ["lapic", "child<apic>"], ["start-powered-off", "bool"]],
             "values": {"type": {"return": "qemu64-x86_64-cpu"}, "realized": {"return": true},
                        "hotplugged": {"return": false}, "parent_bus": {"return": ""},
                        "legacy-memory": {"error": {"class": "GenericError",
                            "desc": "Property 'qemu64-x86_64-cpu.legacy-memory' is not readable"}},
                        "apic-id": {"return": 0}, "socket-id": {"return": 0}, "die-id": {"return": 0},
                        "node-id": {"return": -1}, "avx": {"return": false}, "start-powered-off": {"return": false}}}
            """;
    private static final String QEMU64_V1 = QEMU64;
    private static final String MAX = QEMU64.replace("\"avx\": {\"return\": false}", "\"avx\": {\"return\": true}")
            .replace("qemu64-x86_64-cpu", "max-x86_64-cpu");
    private static final String CORTEX_A15 = """
            {"list": [["type", "string"], ["start-powered-off", "bool"], ["mp-affinity", "uint64"],
                      ["core-count", "int32"], ["pmu-interrupt[0]", "link<irq>"],
                      ["secure-memory", "link<memory-region>"]],
             "values": {"type": {"return": "cortex-a15-arm-cpu"}, "start-powered-off": {"return": false},
                        "mp-affinity": {"return": 0}, "core-count": {"return": 1},
                        "pmu-interrupt[0]": {"return": "/machine/unattached/device[1]/unnamed-gpio-in[279]"},
                        "secure-memory": {"return": ""}}}
            """;

    private static JsonNode pack(String machine, Map<String, String> models) throws IOException {
        Map<String, ObjectNode> captured = new LinkedHashMap<>();
        for (Map.Entry<String, String> model : models.entrySet()) {
            captured.put(model.getKey(), (ObjectNode) JSON.readTree(model.getValue()));
        }
        // through the stored form and back, as the pack holds it
        return JSON.readTree(JSON.writeValueAsString(CpuInstanceLayout.compact(machine, captured)));
    }

    private static JsonNode x86() throws IOException {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("max", MAX);
        models.put("qemu64", QEMU64);
        models.put("qemu64-v1", QEMU64_V1);
        models.put("cortex-m4", "{\"error\": \"mach-virt: CPU type cortex-m4-arm-cpu not supported\"}");
        return pack("pc-i440fx-7.2", models);
    }

    private static CpuObjectProperties qemu64(boolean features) throws IOException {
        return CpuObjectProperties.of(
                x86(), "qemu64-v1", "qemu64-x86_64-cpu", "pc-q35-7.2", Set.of("usb", "memory-backend"), features);
    }

    private static final CpuObjectProperties.Place SECOND = new CpuObjectProperties.Place(
            "/machine/unattached/device[2]", 1, Map.of("socket-id", 1, "core-id", 0, "thread-id", 0), 1, false, 2);

    @Test
    void listsThePropertiesInTheCapturedOrder() throws IOException {
        List<Property> list = qemu64(false).list();
        assertEquals(12, list.size());
        assertEquals(new Property("lapic", "child<apic>"), list.get(10));
    }

    @Test
    void aModelStoredAsTheDifferencesFromAnotherDecodesWhole() throws IOException {
        JsonNode file = x86();
        assertEquals("max", file.path("models").path("qemu64").path("like").asText());
        // type, avx, and the type named in legacy-memory's error
        assertEquals(3, file.path("models").path("qemu64").path("values").size());
        assertEquals(0, file.path("models").path("qemu64-v1").path("values").size());
        assertEquals(JSON.readTree("false"), qemu64(false).get("avx", SECOND));
    }

    @Test
    void theCpusPlaceGivesItsIdsAndTheCaptureTheRest() throws IOException {
        CpuObjectProperties cpu = qemu64(false);
        assertEquals(1, cpu.get("apic-id", SECOND).asInt());
        assertEquals(1, cpu.get("socket-id", SECOND).asInt());
        // no dies and no NUMA: the slot has no die-id or node-id, and the CPU QEMU's defaults
        assertEquals(0, cpu.get("die-id", SECOND).asInt());
        assertEquals(-1, cpu.get("node-id", SECOND).asInt());
        assertEquals(
                "/machine/unattached/device[2]/lapic", cpu.get("lapic", SECOND).asText());
        assertEquals("", cpu.get("parent_bus", SECOND).asText());
        assertEquals(false, cpu.get("start-powered-off", SECOND).asBoolean());
    }

    @Test
    void aHotpluggedCpuSaysSo() throws IOException {
        CpuObjectProperties.Place hotplugged =
                new CpuObjectProperties.Place("/machine/peripheral/vcpu2", 2, Map.of("socket-id", 2), 2, true, 2);
        assertEquals(true, qemu64(false).get("hotplugged", hotplugged).asBoolean());
        assertEquals(true, qemu64(false).get("realized", hotplugged).asBoolean());
        assertEquals(2, qemu64(false).get("apic-id", hotplugged).asInt());
    }

    @Test
    void qemusErrorsAreRepeatedAndAnUnknownPropertyIsNotFound() throws IOException {
        QmpError unreadable = assertThrows(QmpError.class, () -> qemu64(false).get("legacy-memory", SECOND));
        assertEquals("Property 'qemu64-x86_64-cpu.legacy-memory' is not readable", unreadable.desc());
        QmpError unknown = assertThrows(QmpError.class, () -> qemu64(false).get("no-such", SECOND));
        assertEquals("Property 'qemu64-x86_64-cpu.no-such' not found", unknown.desc());
    }

    @Test
    void withCpuFeaturesOnlyThePlaceIsAnswered() throws IOException {
        CpuObjectProperties cpu = qemu64(true);
        assertEquals(1, cpu.get("apic-id", SECOND).asInt());
        assertEquals("qemu64-x86_64-cpu", cpu.get("type", SECOND).asText());
        QmpError refused = assertThrows(QmpError.class, () -> cpu.get("avx", SECOND));
        assertTrue(refused.desc().contains("with -cpu features is not modeled"), refused.desc());
    }

    @Test
    void armSecondaryCpusStartPoweredOffAndCountTheCores() throws IOException {
        CpuObjectProperties cpu = CpuObjectProperties.of(
                pack("virt-7.2", Map.of("cortex-a15", CORTEX_A15)),
                "cortex-a15",
                "cortex-a15-arm-cpu",
                "virt-7.2",
                Set.of(),
                false);
        CpuObjectProperties.Place first =
                new CpuObjectProperties.Place("/machine/unattached/device[0]", 0, Map.of(), 0, false, 3);
        CpuObjectProperties.Place third =
                new CpuObjectProperties.Place("/machine/unattached/device[2]", 2, Map.of(), 2, false, 3);
        assertEquals(false, cpu.get("start-powered-off", first).asBoolean());
        assertEquals(true, cpu.get("start-powered-off", third).asBoolean());
        assertEquals(2, cpu.get("mp-affinity", third).asInt());
        assertEquals(3, cpu.get("core-count", first).asInt());
        assertEquals("", cpu.get("secure-memory", third).asText());
        QmpError wired = assertThrows(QmpError.class, () -> cpu.get("pmu-interrupt[0]", third));
        assertTrue(wired.desc().contains("interrupt link 'pmu-interrupt[0]' is not modeled"), wired.desc());
    }

    @Test
    void whatTheCaptureDoesNotStandForIsRefused() throws IOException {
        JsonNode file = x86();
        QmpError older = assertThrows(
                QmpError.class,
                () -> CpuObjectProperties.of(file, "qemu64", "qemu64-x86_64-cpu", "pc-i440fx-6.0", Set.of(), false));
        assertTrue(older.desc().contains("machine type 'pc-i440fx-6.0'"), older.desc());
        QmpError option = assertThrows(
                QmpError.class,
                () -> CpuObjectProperties.of(file, "qemu64", "qemu64-x86_64-cpu", "pc-q35-7.2", Set.of("smm"), false));
        assertTrue(option.desc().contains("machine option 'smm'"), option.desc());
        QmpError refusedModel = assertThrows(
                QmpError.class,
                () -> CpuObjectProperties.of(file, "cortex-m4", "cortex-m4-arm-cpu", "pc-i440fx-7.2", Set.of(), false));
        assertTrue(refusedModel.desc().contains("not supported"), refusedModel.desc());
        QmpError missing = assertThrows(
                QmpError.class,
                () -> CpuObjectProperties.of(
                        MissingNode.getInstance(), "qemu64", "qemu64-x86_64-cpu", "pc-i440fx-7.2", Set.of(), false));
        assertTrue(missing.desc().contains("not in this data pack"), missing.desc());
    }
}
