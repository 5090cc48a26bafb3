package io.qapi.machine.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.CpuInstanceLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a CPU object of each CPU model answers to {@code qom-list} and {@code qom-get}, recorded so
 * that the model answers libvirt's check of the guest CPU it got (a {@code qom-get} of every
 * feature flag of the first CPU) as the binary does.
 *
 * <p>Each model gets a QEMU of its own on the target's default board ({@code pc} on x86,
 * {@code virt} on Arm, which has no default), with {@code -cpu MODEL}: a board takes CPUs of one
 * type only, so one process cannot hold two models. The first CPU is listed, and every property
 * that is not a child is read, errors as they come ({@code legacy-memory} is not readable,
 * {@code crash-information} says no crash occurred); a child's value is its own path, which the
 * model derives. A model the board refuses is recorded with QEMU's message. The {@code host}
 * model is left out: it stands for the capturing host (and needs KVM on Arm).
 *
 * <p>Stored compactly by {@link CpuInstanceLayout}: each model's values as the differences from
 * the model already stored that it is most like.
 */
public final class CpuInstanceCapture {
    /** The pack file. */
    public static final String FILE = CpuInstanceLayout.FILE;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CpuInstanceCapture() {}

    /** Captures only this file ({@code CpuInstanceCapture BINARY DIR}); the whole capture writes the same. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CpuInstanceCapture QEMU_BINARY DIR");
            System.exit(2);
        }
        Path binary = Path.of(args[0]);
        String arch;
        JsonNode definitions;
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of(), TIMEOUT)) {
            arch = qemu.qmp()
                    .execute("query-target", null)
                    .path("return")
                    .path("arch")
                    .asText();
            definitions = qemu.qmp().execute("query-cpu-definitions", null);
        }
        Optional<ObjectNode> file = capture(binary, arch, definitions);
        if (file.isPresent()) {
            Files.createDirectories(Path.of(args[1]));
            Capture.write(Path.of(args[1]).resolve(FILE), file.get());
        }
    }

    /** The board the CPUs are captured on, by target: empty for a target the model has no CPU objects of. */
    static Optional<String> board(String arch) {
        return switch (arch) {
            case "x86_64", "i386" -> Optional.of("pc");
            case "aarch64", "arm" -> Optional.of("virt");
            default -> Optional.empty();
        };
    }

    /**
     * The file's content for {@code binary}, whose {@code query-cpu-definitions} reply is
     * {@code definitions}; empty for a target without a board here.
     */
    static Optional<ObjectNode> capture(Path binary, String arch, JsonNode definitions) throws IOException {
        Optional<String> board = board(arch);
        if (board.isEmpty()) {
            return Optional.empty();
        }
        String machineType;
        try (QemuInstance qemu = QemuInstance.start(binary, board.get(), List.of("-nodefaults"), TIMEOUT)) {
            machineType = resolvedName(qemu.qmp().execute("query-machines", null), board.get());
        }
        Map<String, ObjectNode> models = new LinkedHashMap<>();
        for (JsonNode definition : definitions.path("return")) {
            String model = definition.path("name").asText();
            if (!model.equals("host")) {
                models.put(model, captureModel(binary, board.get(), model));
            }
        }
        ObjectNode file = CpuInstanceLayout.compact(machineType, models);
        checkDecodes(file, models);
        return Optional.of(file);
    }

    /** Fails when a model's stored form does not decode back to what QEMU replied. */
    private static void checkDecodes(ObjectNode file, Map<String, ObjectNode> models) throws IOException {
        for (Map.Entry<String, ObjectNode> model : models.entrySet()) {
            if (model.getValue().has("error")) {
                continue;
            }
            CpuInstanceLayout.CapturedCpu decoded = CpuInstanceLayout.decode(file, model.getKey())
                    .orElseThrow()
                    .cpu()
                    .orElseThrow();
            ObjectNode values = JSON.createObjectNode();
            decoded.list().forEach(p -> {
                JsonNode value = decoded.values().get(p.name());
                if (value != null) {
                    values.set(p.name(), value);
                }
            });
            if (!values.equals(model.getValue().path("values"))) {
                throw new IOException(
                        "the stored CPU object of " + model.getKey() + " does not decode to QEMU's replies");
            }
        }
    }

    /** The machine type an alias ({@code pc}) stands for. */
    private static String resolvedName(JsonNode machines, String alias) {
        for (JsonNode machine : machines.path("return")) {
            if (alias.equals(machine.path("alias").asText())) {
                return machine.path("name").asText();
            }
        }
        return alias;
    }

    /**
     * {@code {"list": [[NAME, TYPE], ...], "values": {NAME: REPLY}}} of the first CPU of model
     * {@code model}, or {@code {"error": TEXT}} when the board refuses the model.
     */
    private static ObjectNode captureModel(Path binary, String board, String model) throws IOException {
        ObjectNode captured = JSON.createObjectNode();
        QemuInstance qemu;
        try {
            qemu = QemuInstance.start(binary, board, List.of("-nodefaults", "-cpu", model), TIMEOUT);
        } catch (IOException e) {
            // QEMU exits at start-up for a model the board does not take (an M-profile CPU on virt)
            captured.put("error", refusal(e));
            return captured;
        }
        try (qemu) {
            QmpConnection qmp = qemu.qmp();
            String path = qmp.execute("query-cpus-fast", null)
                    .path("return")
                    .path(0)
                    .path("qom-path")
                    .asText();
            ObjectNode arguments = JSON.createObjectNode().put("path", path);
            ArrayNode list = captured.putArray("list");
            ObjectNode values = captured.putObject("values");
            for (JsonNode property : qmp.execute("qom-list", arguments).path("return")) {
                String name = property.path("name").asText();
                String type = property.path("type").asText();
                list.add(JSON.createArrayNode().add(name).add(type));
                if (!type.startsWith("child<")) {
                    values.set(name, qmp.execute("qom-get", arguments.deepCopy().put("property", name)));
                }
            }
        }
        return captured;
    }

    /** QEMU's own line from a failed start, without the program name: what it says of the model. */
    private static String refusal(IOException e) {
        String message = e.getMessage();
        int log = message.indexOf("did not start: ");
        String text = log < 0 ? message : message.substring(log + "did not start: ".length());
        int colon = text.indexOf(": ");
        return text.startsWith("qemu-system-") && colon > 0 ? text.substring(colon + 2) : text;
    }
}
