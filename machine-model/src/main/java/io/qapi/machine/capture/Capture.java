package io.qapi.machine.capture;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.pack.CpuExpansionLayout;
import io.qapi.machine.pack.TypeCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The capture tool: starts a real QEMU binary with {@code -machine none} and records its
 * binary-wide facts as a data pack directory that {@code io.qapi.machine.pack.MachinePack} loads.
 *
 * <pre>Capture --binary /usr/bin/qemu-system-x86_64 --out DIR</pre>
 *
 * <p>Files written (each a whole QMP reply object, as QEMU sent it, pretty-printed):
 * {@code binary.json} (the {@code --version} first line, greeting {@code version}, {@code
 * query-target}, {@code query-kvm}), {@code query-machines.json}, {@code
 * query-cpu-definitions.json}, {@code cpu-expansions.json} (per model, in definition order, the
 * {@code static} and {@code full} {@code query-cpu-model-expansion} replies, errors as they come)
 * {@code query-commands.json} and {@code query-chardev-backends.json} (the character device back
 * ends built into the binary); {@code query-qmp-schema.json} and {@code probe-replies.json}, what
 * management software asks to learn what the binary can do (see {@link ProbeCapture});
 * {@code types.json}, the QOM types and their properties (see
 * {@link TypeCapture}); {@code machine-help.txt} and {@code cpu-help.txt}, what {@code -machine help}
 * and {@code -cpu help} print, and {@code machine-options-help.json}, what {@code -machine TYPE,help}
 * prints for each type; and {@code machines/TYPE.json} for every machine type, the
 * boards built with {@code -nodefaults} and without (see {@link MachineCapture}), a family's
 * older versions stored as differences from its newest (see {@link FamilyLayout}); and {@code
 * switches/TYPE.json} for every described type, its boards under each machine switch (see
 * {@link SwitchCapture}), kept apart because only a machine with options reads them, and {@code
 * suppressions/TYPE.json}, on x86 its boards with default devices turned off (see {@link
 * SuppressionCapture}); and, on x86,
 * {@code pci-devices.json}, how each PCI device type the model places appears in {@code query-pci}
 * (see {@link PciDeviceCapture}); and, on x86 and Arm, {@code cpu-instances.json}, what each CPU
 * model's CPU object answers to {@code qom-list} and {@code qom-get} (see {@link CpuInstanceCapture}). The {@code host} model is left out of the expansions because
 * its values would describe the capturing host, not the binary. Output is deterministic: the
 * same binary gives byte-identical files.
 */
public final class Capture {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private Capture() {}

    public static void main(String[] args) throws IOException {
        Path binary = null;
        Path out = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--binary" -> binary = Path.of(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> usage("unknown option " + args[i]);
            }
        }
        if (binary == null || out == null || args.length % 2 != 0) {
            usage("--binary and --out are required");
        }
        long start = System.nanoTime();
        capture(binary, out);
        System.err.printf("captured %s into %s in %d ms%n", binary, out, (System.nanoTime() - start) / 1_000_000);
    }

    private static void usage(String problem) {
        System.err.println("capture: " + problem);
        System.err.println("usage: Capture --binary QEMU_BINARY --out DIR");
        System.exit(2);
    }

    /** Captures {@code binary}'s binary-wide facts into {@code out} (created if needed). */
    public static void capture(Path binary, Path out) throws IOException {
        if (!Files.isExecutable(binary)) {
            throw new IOException("not an executable QEMU binary: " + binary);
        }
        Files.createDirectories(out);
        String versionLine = versionLine(binary);
        JsonNode machines;
        JsonNode definitions;
        String arch;
        try (QemuInstance qemu = QemuInstance.start(binary, "none", List.of(), TIMEOUT)) {
            QmpConnection qmp = qemu.qmp();
            ObjectNode facts = JSON.createObjectNode();
            facts.put("version-line", versionLine);
            facts.set("greeting-version", qmp.greeting().path("QMP").path("version"));
            facts.set("query-target", qmp.execute("query-target", null));
            arch = facts.path("query-target").path("return").path("arch").asText();
            facts.set("query-kvm", qmp.execute("query-kvm", null));
            write(out.resolve("binary.json"), facts);
            write(out.resolve("query-machines.json"), qmp.execute("query-machines", null));
            definitions = qmp.execute("query-cpu-definitions", null);
            write(out.resolve("query-cpu-definitions.json"), definitions);
            write(out.resolve("cpu-expansions.json"), CpuExpansionLayout.compact(expansions(qmp, definitions)));
            write(out.resolve("query-commands.json"), qmp.execute("query-commands", null));
            write(out.resolve("query-chardev-backends.json"), qmp.execute("query-chardev-backends", null));
            machines = qmp.execute("query-machines", null);
        }
        // in a QEMU of its own: its qom-list-types loads every module, which adds chardev back ends
        ProbeCapture.captureInto(binary, out);
        Files.writeString(out.resolve(TypeCatalog.FILE), TypeFile.render(TypeCapture.capture(binary, TIMEOUT)));
        for (String option : List.of("machine", "cpu")) {
            Files.writeString(out.resolve(option + "-help.txt"), HelpText.capture(binary, option));
        }
        write(
                out.resolve("machine-options-help.json"),
                HelpText.machineOptions(binary, MachineCapture.names(machines)));
        Optional<ObjectNode> cpuInstances = CpuInstanceCapture.capture(binary, arch, definitions);
        if (cpuInstances.isPresent()) {
            write(out.resolve(CpuInstanceCapture.FILE), cpuInstances.get());
        }
        ObjectNode pciDevices = PciDeviceCapture.capture(binary, arch);
        if (pciDevices != null) {
            write(out.resolve(PciDeviceCapture.FILE), pciDevices);
        }
        Path dir = out.resolve("machines");
        Files.createDirectories(dir);
        Map<String, ObjectNode> boards = MachineCapture.captureAll(
                binary,
                MachineCapture.names(machines),
                MachineCapture.described(arch),
                MachineCapture.suppressed(arch));
        for (Map.Entry<String, ObjectNode> e : FamilyLayout.compact(boards).entrySet()) {
            // the switches' and the suppressions' boards apart: a machine without options or
            // without a default device turned off never reads them
            for (String apart : List.of(SwitchCapture.SWITCHES, SuppressionCapture.SUPPRESSIONS)) {
                JsonNode boardsApart = e.getValue().remove(apart);
                if (boardsApart != null) {
                    ObjectNode file = JSON.createObjectNode();
                    file.set(apart, boardsApart);
                    Files.createDirectories(out.resolve(apart));
                    write(out.resolve(apart).resolve(e.getKey() + ".json"), file);
                }
            }
            write(dir.resolve(e.getKey() + ".json"), e.getValue());
        }
    }

    private static ObjectNode expansions(QmpConnection qmp, JsonNode definitions) throws IOException {
        ObjectNode all = JSON.createObjectNode();
        for (JsonNode def : definitions.path("return")) {
            String name = def.path("name").asText();
            if (name.equals("host")) {
                continue;
            }
            ObjectNode perModel = all.putObject(name);
            for (String type : List.of("static", "full")) {
                ObjectNode args = JSON.createObjectNode().put("type", type);
                args.putObject("model").put("name", name);
                perModel.set(type, qmp.execute("query-cpu-model-expansion", args));
            }
        }
        return all;
    }

    private static String versionLine(Path binary) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new IOException(binary + " --version did not finish in 10 s");
            }
            return line == null ? "" : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
        }
    }

    static void write(Path file, JsonNode node) throws IOException {
        Files.writeString(file, PRETTY.writeValueAsString(node) + "\n");
    }
}
