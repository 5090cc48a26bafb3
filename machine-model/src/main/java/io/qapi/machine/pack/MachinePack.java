package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A machine data pack: the facts captured from one real QEMU binary by the capture tool, given
 * back exactly as QEMU replied. Raw replies are whole QMP reply objects ({@code return} or
 * {@code error}).
 *
 * @param versionLine the first line of {@code QEMU --version}
 * @param greetingVersion the QMP greeting's {@code version} object ({@code qemu}, {@code package})
 * @param queryTarget the {@code query-target} reply
 * @param queryKvm the {@code query-kvm} reply
 * @param queryMachines the {@code query-machines} reply, in QEMU's order
 * @param cpuDefinitions the {@code query-cpu-definitions} reply
 * @param cpuExpansions per CPU model, {@code static} and {@code full} expansion replies
 * @param queryCommands the {@code query-commands} reply
 */
public record MachinePack(String versionLine, JsonNode greetingVersion, JsonNode queryTarget,
        JsonNode queryKvm, JsonNode queryMachines, JsonNode cpuDefinitions,
        JsonNode cpuExpansions, JsonNode queryCommands) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Files every pack directory holds. */
    static final List<String> FILES = List.of("binary.json", "query-machines.json",
            "query-cpu-definitions.json", "cpu-expansions.json", "query-commands.json");

    /** Loads a pack from a directory written by the capture tool; a missing file is an error. */
    public static MachinePack load(Path dir) throws IOException {
        List<JsonNode> parts = new ArrayList<>();
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null,
                        "not a machine data pack: missing " + name);
            }
            try (InputStream in = Files.newInputStream(file)) {
                parts.add(JSON.readTree(in));
            }
        }
        return of(parts);
    }

    /** Loads a pack shipped in this module's resources, e.g. {@code "x86_64-7.2"}. */
    public static MachinePack builtin(String name) {
        List<JsonNode> parts = new ArrayList<>();
        for (String file : FILES) {
            String resource = "/machine-types/" + name + "/" + file;
            try (InputStream in = MachinePack.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no built-in machine data pack '" + name
                            + "' (missing " + resource + ")");
                }
                parts.add(JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return of(parts);
    }

    private static MachinePack of(List<JsonNode> parts) {
        JsonNode facts = parts.get(0);
        return new MachinePack(facts.path("version-line").asText(),
                facts.path("greeting-version"), facts.path("query-target"),
                facts.path("query-kvm"), parts.get(1), parts.get(2), parts.get(3), parts.get(4));
    }

    /** The machine type names in {@code query-machines} order. */
    public List<String> machineNames() {
        List<String> names = new ArrayList<>();
        queryMachines.path("return").forEach(m -> names.add(m.path("name").asText()));
        return List.copyOf(names);
    }

    /** The {@code query-machines} entry of {@code type}, if the binary has that machine type. */
    public Optional<JsonNode> machine(String type) {
        for (JsonNode m : queryMachines.path("return")) {
            if (m.path("name").asText().equals(type)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code query-cpu-model-expansion} reply for {@code model} and {@code type}
     * ({@code "static"} or {@code "full"}), exactly as QEMU gave it; empty for a model not
     * captured (unknown, or the host-dependent {@code host} model).
     */
    public Optional<JsonNode> cpuExpansion(String model, String type) {
        if (!type.equals("static") && !type.equals("full")) {
            throw new IllegalArgumentException("expansion type must be static or full, not '"
                    + type + "'");
        }
        JsonNode reply = cpuExpansions.path(model).path(type);
        return reply.isMissingNode() ? Optional.empty() : Optional.of(reply);
    }
}
