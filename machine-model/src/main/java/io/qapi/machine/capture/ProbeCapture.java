package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What management software asks a binary once, to learn what it can do, recorded so that the
 * model answers as the binary does: the introspection ({@code query-qmp-schema}, kept whole in
 * {@link #SCHEMA_FILE}) and, in {@link #FILE}, the replies to the queries whose answers depend on
 * the binary alone (under TCG) and to the CPU model expansions of {@code host} that libvirt asks
 * for.
 *
 * <p>The queries are named one by one rather than "every query without arguments": most queries
 * describe the running machine ({@code query-block}, {@code query-migrate}, …), and a reply
 * recorded at start-up would go on claiming a state that commands change. A query listed here is
 * recorded only where the binary has it ({@code query-sgx-capabilities} is x86's,
 * {@code query-gic-capabilities} Arm's). Under TCG the {@code host} model is the accelerator's own
 * (x86's is "QEMU TCG CPU", Arm's refuses without KVM), so its expansions describe the binary, not
 * the capturing host.
 */
public final class ProbeCapture {
    /** The {@code query-qmp-schema} reply. */
    static final String SCHEMA_FILE = "query-qmp-schema.json";
    /**
     * {@code {"queries": {NAME: REPLY}, "after-modules-loaded": {NAME: REPLY}, "requests":
     * [{"execute", "arguments", "reply"}]}}; the second member holds the replies that change once
     * every module is loaded ({@code qom-list-types} loads them all, and the SPICE module adds its
     * options to {@code query-command-line-options}).
     */
    static final String FILE = "probe-replies.json";

    /** Queries whose replies depend on the binary alone, as long as nothing the model lacks changes them. */
    static final List<String> QUERIES = List.of(
            "query-command-line-options",
            "query-tpm-models",
            "query-tpm-types",
            "query-migrate-capabilities",
            "query-sev-capabilities",
            "query-sgx-capabilities",
            "query-gic-capabilities");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProbeCapture() {}

    /** Requests with arguments, recorded with their replies: libvirt 9.0's expansions of {@code host}. */
    static List<ObjectNode> requests() {
        return List.of(
                expansion("static", null),
                expansion("static", JSON.createObjectNode().put("migratable", false)),
                expansion("full", null),
                expansion(
                        "full", JSON.createObjectNode().put("migratable", false).put("hv-passthrough", true)));
    }

    private static ObjectNode expansion(String type, ObjectNode props) {
        ObjectNode request = JSON.createObjectNode().put("execute", "query-cpu-model-expansion");
        ObjectNode model = request.putObject("arguments")
                .put("type", type)
                .putObject("model")
                .put("name", "host");
        if (props != null) {
            model.set("props", props);
        }
        return request;
    }

    /**
     * Captures only this part of a pack ({@code ProbeCapture BINARY DIR}), in a second or so: the
     * whole capture ({@link Capture}) writes the same files.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProbeCapture QEMU_BINARY DIR");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        captureInto(Path.of(args[0]), out);
    }

    /**
     * Writes both files into {@code out}, from a fresh QEMU of their own: the capture loads every
     * module ({@code qom-list-types}), which changes what other captures would see.
     */
    static void captureInto(Path binary, Path out) throws IOException {
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of(), Duration.ofSeconds(30))) {
            QmpConnection qmp = qemu.qmp();
            Capture.write(out.resolve(SCHEMA_FILE), qmp.execute("query-qmp-schema", null));
            Capture.write(out.resolve(FILE), capture(qmp, qmp.execute("query-commands", null)));
        }
    }

    /** The recorded replies, from the binary whose {@code query-commands} reply is {@code commands}. */
    static ObjectNode capture(QmpConnection qmp, JsonNode commands) throws IOException {
        Set<String> offered = new HashSet<>();
        commands.path("return").forEach(c -> offered.add(c.path("name").asText()));
        ObjectNode file = JSON.createObjectNode();
        ObjectNode queries = file.putObject("queries");
        for (String query : QUERIES) {
            if (offered.contains(query)) {
                queries.set(query, qmp.execute(query, null));
            }
        }
        ObjectNode after = file.putObject("after-modules-loaded");
        qmp.execute("qom-list-types", null);
        for (String query : QUERIES) {
            if (offered.contains(query)) {
                JsonNode reply = qmp.execute(query, null);
                if (!reply.equals(queries.get(query))) {
                    after.set(query, reply);
                }
            }
        }
        ArrayNode requests = file.putArray("requests");
        for (ObjectNode request : requests()) {
            ObjectNode recorded = request.deepCopy();
            recorded.set("reply", qmp.execute(request.path("execute").asText(), request.path("arguments")));
            requests.add(recorded);
        }
        return file;
    }
}
