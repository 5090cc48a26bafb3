package io.qapi.it.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.compiler.QapiCompiler;
import io.qapi.compiler.gen.introspect.Introspection;
import io.qapi.compiler.gen.introspect.JsonWriter;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The machine model's schema keeps QEMU 7.2's wire format: every command and event it shares
 * with QEMU has the same arguments, return value and event data — member names, optionality,
 * types, enum values, union branches, features — as the real binary's {@code query-qmp-schema}
 * says. Types are compared by structure, so the numbers that stand for type names in the two
 * replies do not matter.
 */
class WireFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCHEMA = Path.of("../schema/src/main/qapi/qapi-schema.json");

    /**
     * Commands of ours that QEMU 7.2 has and whose wire format we keep. Not {@code query-qmp-schema}:
     * the QMP core every server of ours offers describes its schema in the newest QEMU's form (enum
     * {@code members} beside the deprecated {@code values}); the machine model answers it with the
     * reply captured from the binary it models, which is 7.2's form.
     */
    private static final List<String> SHARED_COMMANDS = List.of(
            "query-version",
            "query-commands",
            "quit",
            "query-status",
            "stop",
            "cont",
            "x-exit-preconfig",
            "query-name",
            "query-uuid",
            "query-target",
            "query-kvm",
            "query-machines",
            "query-current-machine",
            "query-hotpluggable-cpus",
            "query-cpus-fast",
            "query-cpu-model-expansion",
            "query-cpu-definitions",
            "set-numa-node",
            "query-memdev",
            "query-memory-size-summary",
            "qom-list",
            "qom-get",
            "qom-list-types",
            "qom-list-properties",
            "device-list-properties",
            "device_add",
            "device_del",
            "query-pci",
            "qmp_capabilities");

    private static final List<String> SHARED_EVENTS = List.of("SHUTDOWN", "STOP", "RESUME", "DEVICE_DELETED");

    @Test
    void everySharedCommandAndEventHasQemusWireFormat() throws IOException {
        Index qemu = new Index(MAPPER.readTree(SharedQemu.path("real-7.2/out/x86-none/raw/query-qmp-schema.raw.json")
                        .toFile())
                .get("return"));
        Index ours = new Index(ourIntrospection());
        List<String> differences = new ArrayList<>();
        for (String command : SHARED_COMMANDS) {
            compareEntity(command, "command", ours, qemu, differences);
        }
        for (String event : SHARED_EVENTS) {
            compareEntity(event, "event", ours, qemu, differences);
        }
        assertEquals(List.of(), differences);
    }

    @Test
    void theComparisonSeesADifferentMember() throws IOException {
        Index qemu = new Index(MAPPER.readTree(SharedQemu.path("real-7.2/out/x86-none/raw/query-qmp-schema.raw.json")
                        .toFile())
                .get("return"));
        List<String> differences = new ArrayList<>();
        // query-name returns NameInfo {'*name': 'str'}; query-uuid returns UuidInfo {'UUID': 'str'}
        compareTypes(
                "query-name vs query-uuid",
                qemu.entity("query-name").get("ret-type").asText(),
                qemu,
                qemu.entity("query-uuid").get("ret-type").asText(),
                qemu,
                differences);
        assertTrue(!differences.isEmpty(), "a planted difference must be seen");
    }

    private static JsonNode ourIntrospection() throws IOException {
        QapiCompiler.Result result = QapiCompiler.compile(SCHEMA.toString(), QapiCompiler.Options.DEFAULT);
        assertTrue(result.ok(), () -> "our schema does not compile: " + result.errors());
        return MAPPER.readTree(JsonWriter.compact(Introspection.generate(result.schema(), false)));
    }

    private static void compareEntity(String name, String metaType, Index ours, Index qemu, List<String> out) {
        JsonNode mine = ours.entity(name);
        JsonNode theirs = qemu.entity(name);
        if (mine == null || theirs == null) {
            out.add(name + ": missing in " + (mine == null ? "our schema" : "QEMU 7.2"));
            return;
        }
        if (!mine.path("meta-type").asText().equals(metaType)) {
            out.add(name + ": not a " + metaType);
            return;
        }
        if (!mine.path("features").equals(theirs.path("features"))
                || mine.path("allow-oob").asBoolean()
                        != theirs.path("allow-oob").asBoolean()) {
            out.add(name + ": features or flags differ");
        }
        for (String key : List.of("arg-type", "ret-type")) {
            if (mine.has(key) || theirs.has(key)) {
                compareTypes(
                        name + "." + key,
                        mine.path(key).asText(),
                        ours,
                        theirs.path(key).asText(),
                        qemu,
                        out);
            }
        }
    }

    /** Compares two types by structure, following references; records each difference once. */
    private static void compareTypes(String where, String a, Index ia, String b, Index ib, List<String> out) {
        compareTypes(where, a, ia, b, ib, out, new HashMap<>());
    }

    private static void compareTypes(
            String where, String a, Index ia, String b, Index ib, List<String> out, Map<String, String> seen) {
        if (b.equals(seen.get(a))) {
            return; // already compared (recursive types such as PciDeviceInfo)
        }
        seen.put(a, b);
        JsonNode ta = ia.type(a);
        JsonNode tb = ib.type(b);
        if (ta == null || tb == null) {
            if (!a.equals(b)) {
                out.add(where + ": " + a + " vs " + b);
            }
            return;
        }
        String meta = ta.path("meta-type").asText();
        if (!meta.equals(tb.path("meta-type").asText())) {
            out.add(where + ": " + meta + " vs " + tb.path("meta-type").asText());
            return;
        }
        switch (meta) {
            case "builtin" -> {
                if (!ta.path("json-type").equals(tb.path("json-type"))) {
                    out.add(where + ": " + ta.path("json-type") + " vs " + tb.path("json-type"));
                }
            }
            case "enum" -> {
                if (!ta.path("values").equals(tb.path("values"))) {
                    out.add(where + ": enum values " + ta.path("values") + " vs " + tb.path("values"));
                }
            }
            case "array" ->
                compareTypes(
                        where + "[]",
                        ta.path("element-type").asText(),
                        ia,
                        tb.path("element-type").asText(),
                        ib,
                        out,
                        seen);
            case "object" -> compareObjects(where, ta, ia, tb, ib, out, seen);
            case "alternate" -> {
                if (ta.path("members").size() != tb.path("members").size()) {
                    out.add(where + ": alternate branches differ");
                }
            }
            default -> out.add(where + ": unexpected meta-type " + meta);
        }
    }

    private static void compareObjects(
            String where, JsonNode ta, Index ia, JsonNode tb, Index ib, List<String> out, Map<String, String> seen) {
        Map<String, JsonNode> ma = members(ta);
        Map<String, JsonNode> mb = members(tb);
        if (!ma.keySet().equals(mb.keySet())) {
            out.add(where + ": members " + new TreeSet<>(ma.keySet()) + " vs " + new TreeSet<>(mb.keySet()));
            return;
        }
        if (!ta.path("tag").equals(tb.path("tag"))) {
            out.add(where + ": tag " + ta.path("tag") + " vs " + tb.path("tag"));
        }
        for (Map.Entry<String, JsonNode> member : ma.entrySet()) {
            JsonNode other = mb.get(member.getKey());
            String at = where + "." + member.getKey();
            if (member.getValue().has("default") != other.has("default")) {
                out.add(at + ": optionality differs");
            }
            if (!member.getValue().path("features").equals(other.path("features"))) {
                out.add(at + ": features differ");
            }
            compareTypes(
                    at,
                    member.getValue().path("type").asText(),
                    ia,
                    other.path("type").asText(),
                    ib,
                    out,
                    seen);
        }
        Map<String, String> va = variants(ta);
        Map<String, String> vb = variants(tb);
        if (!va.keySet().equals(vb.keySet())) {
            out.add(where + ": branches " + new TreeSet<>(va.keySet()) + " vs " + new TreeSet<>(vb.keySet()));
            return;
        }
        for (Map.Entry<String, String> variant : va.entrySet()) {
            compareTypes(
                    where + "(" + variant.getKey() + ")",
                    variant.getValue(),
                    ia,
                    vb.get(variant.getKey()),
                    ib,
                    out,
                    seen);
        }
    }

    private static Map<String, JsonNode> members(JsonNode object) {
        Map<String, JsonNode> members = new HashMap<>();
        object.path("members").forEach(m -> members.put(m.path("name").asText(), m));
        return members;
    }

    private static Map<String, String> variants(JsonNode object) {
        Map<String, String> variants = new HashMap<>();
        object.path("variants")
                .forEach(v ->
                        variants.put(v.path("case").asText(), v.path("type").asText()));
        return variants;
    }

    /** A {@code query-qmp-schema} reply indexed by name. */
    private static final class Index {
        private final Map<String, JsonNode> byName = new HashMap<>();

        Index(JsonNode reply) {
            reply.forEach(entry -> byName.put(entry.path("name").asText(), entry));
        }

        JsonNode entity(String name) {
            return byName.get(name);
        }

        JsonNode type(String name) {
            return byName.get(name);
        }
    }
}
