package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.TypeCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Captures a binary's QOM types for {@link TypeCatalog}: {@code qom-list-types abstract=true},
 * {@code implements=I} for every interface I (to learn which types implement it), then {@code
 * qom-list-properties} and {@code device-list-properties} of every type once all modules are
 * loaded; a request that kills QEMU is noted and captured on its own by {@link AbortCapture}.
 * Fresh instances then learn the module types: which types a fresh QEMU lacks, and which of them a
 * {@code device-list-properties} of each one brings in; and the types whose replies name buses after
 * a counter are asked several times over. {@link TypeCheck} finally replays what was
 * seen against the catalog built from it, so a pack whose rules or compaction do not give back
 * QEMU's replies is never written.
 */
final class TypeCapture {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String QOM = "qom-list-properties";
    static final String DEVICE = "device-list-properties";

    private final Path binary;
    private final Duration timeout;
    /** Every reply seen with all modules loaded, per command and type (aborts as missing). */
    final Map<String, Map<String, JsonNode>> loadedReplies = new LinkedHashMap<>();
    /** Per command, the types asked of each QEMU instance in turn (a new one after each abort). */
    final Map<String, List<List<String>>> sessions = new LinkedHashMap<>();
    /** In a fresh QEMU, per type: the qom-list-properties reply. */
    final Map<String, JsonNode> freshQom = new LinkedHashMap<>();
    /** Per module type: in a fresh QEMU, its device-list-properties reply, then qom-list-properties of every module type. */
    final Map<String, JsonNode> moduleDevice = new LinkedHashMap<>();

    final Map<String, Map<String, JsonNode>> moduleQomAfter = new LinkedHashMap<>();
    /** How many successive replies are kept of a type whose replies count buses. */
    static final int VARIANTS = 8;
    /** Per type whose replies change with what the process made before, per command, its successive replies in a fresh QEMU. */
    final Map<String, Map<String, List<JsonNode>>> variants = new LinkedHashMap<>();
    /** The implements=I replies (abstract true) per interface I. */
    final Map<String, JsonNode> implementers = new LinkedHashMap<>();

    private TypeCapture(Path binary, Duration timeout) {
        this.binary = binary;
        this.timeout = timeout;
    }

    /** Runs the whole capture and returns the {@code types.json} tree, checked against what QEMU replied. */
    static ObjectNode capture(Path binary, Duration timeout) throws IOException {
        TypeCapture capture = new TypeCapture(binary, timeout);
        ObjectNode file = capture.run();
        TypeCheck.verify(TypeCatalog.parse(file), capture);
        return file;
    }

    private ObjectNode run() throws IOException {
        List<JsonNode> types = new ArrayList<>();
        Map<String, List<String>> aborting = new LinkedHashMap<>();
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
            ObjectNode all = NODES.objectNode().put("abstract", true);
            qemu.qmp().execute("qom-list-types", all).path("return").forEach(types::add);
            Map<String, String> parents = new LinkedHashMap<>();
            types.forEach(
                    t -> parents.put(t.path("name").asText(), t.path("parent").asText(null)));
            for (JsonNode type : types) {
                String name = type.path("name").asText();
                if (isInterface(parents, name)) {
                    ObjectNode args = NODES.objectNode().put("implements", name).put("abstract", true);
                    implementers.put(name, qemu.qmp().execute("qom-list-types", args));
                }
            }
        }
        for (String command : List.of(QOM, DEVICE)) {
            aborting.put(command, propertiesOfAll(command, types));
        }
        busCountingTypes(types);
        Set<String> moduleTypes = freshAnswers(types, aborting.get(QOM));
        for (String type : moduleTypes) {
            moduleAnswers(type, moduleTypes);
        }
        TypeFile file = new TypeFile(types);
        file.interfaces(implementers);
        file.moduleTypes(moduleTypes, moduleDevice, moduleQomAfter);
        file.properties(QOM, firstReplies(QOM));
        file.properties(DEVICE, firstReplies(DEVICE));
        file.busCounters(variants);
        for (Map.Entry<String, List<String>> e : aborting.entrySet()) {
            for (String type : e.getValue()) {
                file.abort(e.getKey(), type, AbortCapture.run(binary, e.getKey(), type, timeout));
            }
        }
        return file.tree();
    }

    private static boolean isInterface(Map<String, String> parents, String name) {
        for (String t = name; t != null; t = parents.get(t)) {
            if (t.equals("interface")) {
                return true;
            }
        }
        return false;
    }

    /** The replies to store: those seen with modules loaded, a bus-counting type's first in a fresh QEMU instead. */
    private Map<String, JsonNode> firstReplies(String command) {
        Map<String, JsonNode> replies = new LinkedHashMap<>(loadedReplies.get(command));
        variants.forEach(
                (type, perCommand) -> replies.put(type, perCommand.get(command).get(0)));
        return replies;
    }

    /** Asks {@code command} of every type with all modules loaded; returns the types on which QEMU died. */
    private List<String> propertiesOfAll(String command, List<JsonNode> types) throws IOException {
        Map<String, JsonNode> replies = new LinkedHashMap<>();
        loadedReplies.put(command, replies);
        List<String> aborting = new ArrayList<>();
        List<List<String>> asked = new ArrayList<>();
        sessions.put(command, asked);
        int next = 0;
        while (next < types.size()) {
            List<String> session = new ArrayList<>();
            asked.add(session);
            try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
                qemu.qmp().execute("qom-list-types", null);
                for (; next < types.size(); next++) {
                    String name = types.get(next).path("name").asText();
                    session.add(name);
                    try {
                        replies.put(name, qemu.qmp().execute(command, typename(name)));
                    } catch (IOException e) {
                        if (!qemu.exitedWithin(timeout)) {
                            throw e;
                        }
                        // QEMU died on this request: note it, go on in a new instance
                        aborting.add(name);
                        next++;
                        break;
                    }
                }
            }
        }
        return aborting;
    }

    /**
     * Finds the types whose replies name a child bus after a per-kind counter ({@code i2c-bus.3}),
     * which every instance of such a device advances: their replies depend on how many such buses
     * the process made before. Each is asked {@link #VARIANTS} times in a fresh QEMU; when the
     * answers differ, they are kept in order (the first is stored as the type's reply).
     */
    private void busCountingTypes(List<JsonNode> types) throws IOException {
        for (JsonNode type : types) {
            String name = type.path("name").asText();
            if (!namesCountedChild(loadedReplies.get(QOM).get(name))
                    && !namesCountedChild(loadedReplies.get(DEVICE).get(name))) {
                continue;
            }
            Map<String, List<JsonNode>> asked = new LinkedHashMap<>();
            boolean changes = false;
            for (String command : List.of(QOM, DEVICE)) {
                try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
                    qemu.qmp().execute("qom-list-types", null);
                    List<JsonNode> replies = new ArrayList<>();
                    for (int i = 0; i < VARIANTS; i++) {
                        replies.add(qemu.qmp().execute(command, typename(name)));
                    }
                    changes |= !replies.get(0).equals(replies.get(1));
                    asked.put(command, replies);
                }
            }
            if (changes) {
                variants.put(name, asked);
            }
        }
    }

    private static boolean namesCountedChild(JsonNode reply) {
        if (reply == null) {
            return false;
        }
        for (JsonNode property : reply.path("return")) {
            if (property.path("type").asText().startsWith("child<")
                    && property.path("name").asText().matches(".*\\.[0-9]+")) {
                return true;
            }
        }
        return false;
    }

    /** Asks qom-list-properties of every type in a fresh QEMU; returns the module types (not found there). */
    private Set<String> freshAnswers(List<JsonNode> types, List<String> aborting) throws IOException {
        Set<String> moduleTypes = new LinkedHashSet<>();
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
            for (JsonNode type : types) {
                String name = type.path("name").asText();
                if (aborting.contains(name)) {
                    continue;
                }
                JsonNode reply = qemu.qmp().execute(QOM, typename(name));
                freshQom.put(name, reply);
                if (reply.path("error").path("class").asText().equals("DeviceNotFound")) {
                    moduleTypes.add(name);
                }
            }
        }
        for (String name : aborting) {
            // each on its own, since it may kill QEMU here too (or be absent: a module type)
            try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
                JsonNode reply = askOrNull(qemu, QOM, name);
                freshQom.put(name, reply);
                if (reply != null && reply.path("error").path("class").asText().equals("DeviceNotFound")) {
                    moduleTypes.add(name);
                }
            }
        }
        return moduleTypes;
    }

    /** In a fresh QEMU: device-list-properties of {@code type}, then which module types are present. */
    private void moduleAnswers(String type, Set<String> moduleTypes) throws IOException {
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of("-nodefaults"), timeout)) {
            JsonNode device = askOrNull(qemu, DEVICE, type);
            moduleDevice.put(type, device);
            Map<String, JsonNode> after = new LinkedHashMap<>();
            moduleQomAfter.put(type, after);
            if (device == null) {
                return; // it died there: what else its module brings is never seen
            }
            for (String other : moduleTypes) {
                after.put(other, qemu.qmp().execute(QOM, typename(other)));
            }
        }
    }

    /** QEMU's reply, or null when the request killed it. */
    private JsonNode askOrNull(QemuInstance qemu, String command, String type) throws IOException {
        try {
            return qemu.qmp().execute(command, typename(type));
        } catch (IOException e) {
            if (!qemu.exitedWithin(timeout)) {
                throw e;
            }
            return null;
        }
    }

    static ObjectNode typename(String name) {
        return NODES.objectNode().put("typename", name);
    }
}
