package io.qapi.machine.pack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A machine data pack: the facts captured from one real QEMU binary by the capture tool, given
 * back exactly as QEMU replied. Raw replies are whole QMP reply objects ({@code return} or
 * {@code error}).
 *
 * <p>Each file is read the first time it is asked for, not when the pack is opened: the CPU
 * expansions alone are most of the pack, and a model that is never asked to expand a CPU model
 * should not pay for them at start-up (the start-to-greeting time is measured against QEMU's).
 * A pack opened from a directory checks up front that every file is there, so a wrong
 * {@code -machine-data} fails at once and not in the middle of a QMP session.
 */
public final class MachinePack {
    /** Files every pack directory holds. */
    static final List<String> FILES = List.of(
            "binary.json",
            "query-machines.json",
            "query-cpu-definitions.json",
            "cpu-expansions.json",
            "query-commands.json");

    /** The directory, below the pack's root, of the per-machine-type board files. */
    static final String MACHINES = "machines";
    /** The directory of the per-machine-type files of the boards under each machine switch. */
    private static final String SWITCHES = "switches";
    /** The directory of the per-machine-type files of the boards with default devices turned off. */
    private static final String SUPPRESSIONS = "suppressions";

    private final Source source;
    /** Whether the pack ships in this module, with the files derived from it at build time. */
    private final boolean builtin;

    private final Map<String, JsonNode> files = new ConcurrentHashMap<>();
    private final Map<String, Optional<JsonNode>> boardFiles = new ConcurrentHashMap<>();
    private final Map<String, Optional<JsonNode>> switchFiles = new ConcurrentHashMap<>();
    private final Map<String, Optional<JsonNode>> suppressionFiles = new ConcurrentHashMap<>();
    private volatile TypeCatalog typeCatalog;

    private MachinePack(Source source, boolean builtin) {
        this.source = source;
        this.builtin = builtin;
    }

    /** Where a pack's files come from: a directory or this module's resources. */
    private interface Source {
        /** The file's content, or {@code null} when the pack has no such file. */
        InputStream open(String relative) throws IOException;

        String describe(String relative);
    }

    /** Opens a pack in a directory written by the capture tool; a missing file is an error. */
    public static MachinePack load(Path dir) throws IOException {
        for (String name : FILES) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException(file.toString(), null, "not a machine data pack: missing " + name);
            }
        }
        return new MachinePack(
                new Source() {
                    @Override
                    public InputStream open(String relative) throws IOException {
                        Path file = dir.resolve(relative);
                        return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
                    }

                    @Override
                    public String describe(String relative) {
                        return dir.resolve(relative).toString();
                    }
                },
                false);
    }

    /** Opens a pack shipped in this module's resources, e.g. {@code "x86_64-7.2"}. */
    public static MachinePack builtin(String name) {
        String root = "/machine-types/" + name + "/";
        if (MachinePack.class.getResource(root + FILES.get(0)) == null) {
            throw new IllegalArgumentException(
                    "no built-in machine data pack '" + name + "' (missing " + root + FILES.get(0) + ")");
        }
        return new MachinePack(
                new Source() {
                    @Override
                    public InputStream open(String relative) {
                        return MachinePack.class.getResourceAsStream(root + relative);
                    }

                    @Override
                    public String describe(String relative) {
                        return root + relative;
                    }
                },
                true);
    }

    private JsonNode file(String name) {
        return files.computeIfAbsent(
                name,
                n -> read(n).orElseThrow(() -> new UncheckedIOException(
                        new NoSuchFileException(source.describe(n), null, "the machine data pack has no " + n))));
    }

    /**
     * The bytes of a file derived from the pack when it was built into this module (see {@code
     * io.qapi.machine.board.DescriptionIndex}); empty for a pack without it (one loaded from a
     * directory, say).
     */
    public Optional<byte[]> derivedFile(String name) {
        if (!builtin) {
            return Optional.empty();
        }
        try (InputStream in = source.open(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.describe(name), e);
        }
    }

    private Optional<JsonNode> read(String relative) {
        try (InputStream in = source.open(relative)) {
            return in == null ? Optional.empty() : Optional.of(JsonTrees.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.describe(relative), e);
        }
    }

    private JsonNode binaryFacts() {
        return file("binary.json");
    }

    /** The binary's introspection, and the replies that management software probes (capture.ProbeCapture). */
    private static final String QMP_SCHEMA = "query-qmp-schema.json";

    private static final String PROBE_REPLIES = "probe-replies.json";

    /** The file that says how each modeled PCI device type appears in {@code query-pci}. */
    public static final String PCI_DEVICES = "pci-devices.json";

    /**
     * How a PCI device type appears in {@code query-pci} on a board family ({@code pc},
     * {@code q35}, {@code virt}), without its address and id, or {@code {"error": TEXT}} when QEMU
     * refuses it there; empty when the type is not modeled or the pack has no such file (a
     * target without these boards).
     */
    public Optional<JsonNode> pciDeviceEntry(String family, String type) {
        JsonNode entry = pciDevices().path(family).path(type);
        return entry.isMissingNode() ? Optional.empty() : Optional.of(entry);
    }

    /** The pack's {@code pci-devices.json}, read once; a missing node for a pack without it. */
    private JsonNode pciDevices() {
        return optionalFile(PCI_DEVICES).orElse(MissingNode.getInstance());
    }

    /** Whether {@code device_add} refuses a modeled PCI type (QEMU creates it only with the machine). */
    public boolean pciDeviceNotHotpluggable(String type) {
        for (JsonNode refused : pciDevices().path("not-hotpluggable")) {
            if (refused.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether on this board family {@code device_del} of a device hot-added behind a root port
     * that was empty at reset removes it at once (the port's slot is powered off), as captured.
     */
    public boolean pciUnpluggedAtOnce(String family) {
        for (JsonNode atOnce : pciDevices().path("unplugged-at-once")) {
            if (atOnce.asText().equals(family)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an expander bridge type ({@code pxb}, {@code pxb-pcie}) brings on its own root bus on
     * a board family: the devices there, each with its slot and function but without bus and id
     * (a {@code pxb}'s own bridge, which has the expander's id); empty when not captured.
     */
    public Optional<JsonNode> pciExpanderBus(String family, String type) {
        JsonNode devices = pciDevices().path("expander-buses").path(family).path(type);
        return devices.isArray() ? Optional.of(devices) : Optional.empty();
    }

    /** The first line of {@code QEMU --version}. */
    public String versionLine() {
        return binaryFacts().path("version-line").asText();
    }

    /** The QMP greeting's {@code version} object ({@code qemu}, {@code package}). */
    public JsonNode greetingVersion() {
        return binaryFacts().path("greeting-version");
    }

    /** The {@code query-target} reply. */
    public JsonNode queryTarget() {
        return binaryFacts().path("query-target");
    }

    /** The {@code query-kvm} reply. */
    public JsonNode queryKvm() {
        return binaryFacts().path("query-kvm");
    }

    /** The {@code query-machines} reply, in QEMU's order. */
    public JsonNode queryMachines() {
        return file("query-machines.json");
    }

    /** The {@code query-cpu-definitions} reply. */
    public JsonNode cpuDefinitions() {
        return file("query-cpu-definitions.json");
    }

    /** Per CPU model, its {@code static} and {@code full} expansion replies. */
    public JsonNode cpuExpansions() {
        JsonNode stored = file("cpu-expansions.json");
        return stored.has(CpuExpansionLayout.REFERENCE) ? CpuExpansionLayout.expand(stored) : stored;
    }

    /** The {@code query-commands} reply. */
    public JsonNode queryCommands() {
        return file("query-commands.json");
    }

    /**
     * The {@code query-qmp-schema} reply: the binary's introspection, whole (see {@code
     * capture.ProbeCapture}); empty for a pack captured without it.
     */
    public Optional<JsonNode> qmpSchema() {
        return optionalFile(QMP_SCHEMA);
    }

    /**
     * The recorded reply of a query whose answer depends on the binary alone
     * ({@code query-tpm-models}, {@code query-command-line-options}, …; see {@code
     * capture.ProbeCapture}), before or after every module is loaded; empty when it was not
     * recorded.
     */
    public Optional<JsonNode> recordedQuery(String command, boolean modulesLoaded) {
        return optionalFile(PROBE_REPLIES).map(f -> {
            JsonNode after = f.path("after-modules-loaded").get(command);
            return modulesLoaded && after != null ? after : f.path("queries").get(command);
        });
    }

    /**
     * The recorded reply to exactly this request (a command and its arguments, as the capture
     * sent them); empty when the capture did not make it.
     */
    public Optional<JsonNode> recordedRequest(String command, JsonNode arguments) {
        for (JsonNode request :
                optionalFile(PROBE_REPLIES).map(f -> f.path("requests")).orElse(MissingNode.getInstance())) {
            if (request.path("execute").asText().equals(command)
                    && request.path("arguments").equals(arguments)) {
                return Optional.of(request.path("reply"));
            }
        }
        return Optional.empty();
    }

    /**
     * What each CPU model's CPU object answers to {@code qom-list} and {@code qom-get}, as
     * {@link CpuInstanceLayout} stores it; a missing node for a pack without it.
     */
    public JsonNode cpuInstances() {
        return optionalFile(CpuInstanceLayout.FILE).orElse(MissingNode.getInstance());
    }

    /** A pack file that older captures lack: read once, empty when absent. */
    private Optional<JsonNode> optionalFile(String name) {
        JsonNode found = files.computeIfAbsent(name, n -> read(n).orElse(MissingNode.getInstance()));
        return found.isMissingNode() ? Optional.empty() : Optional.of(found);
    }

    /**
     * The {@code query-chardev-backends} reply of a fresh start: the back ends built in (those in
     * modules join the list once loaded, which the model does not follow).
     */
    public JsonNode queryChardevBackends() {
        return file("query-chardev-backends.json");
    }

    /**
     * The binary's QOM types and their properties ({@code types.json}, read on first use).
     *
     * @throws UncheckedIOException when the pack was captured without them
     */
    public TypeCatalog types() {
        TypeCatalog catalog = typeCatalog;
        if (catalog == null) {
            catalog = TypeCatalog.parse(file(TypeCatalog.FILE));
            typeCatalog = catalog;
        }
        return catalog;
    }

    /**
     * What the binary prints on standard output for {@code -OPTION help}, {@code option} being
     * {@code "machine"} or {@code "cpu"} (files {@code machine-help.txt}, {@code cpu-help.txt}).
     */
    public String helpText(String option) {
        if (!option.equals("machine") && !option.equals("cpu")) {
            throw new IllegalArgumentException("no help text for -" + option);
        }
        String relative = option + "-help.txt";
        try (InputStream in = source.open(relative)) {
            if (in == null) {
                throw new NoSuchFileException(
                        source.describe(relative), null, "the machine data pack has no " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source.describe(relative), e);
        }
    }

    /**
     * What the binary prints for {@code -machine TYPE,help}, {@code machine} being a type's name
     * (not an alias); empty for a type the pack does not know.
     */
    public Optional<String> machineOptionsHelp(String machine) {
        JsonNode help = file("machine-options-help.json");
        JsonNode entry = help.path("machines").path(machine);
        if (entry.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode text = help.path("texts").path(entry.path("text").asInt());
        return Optional.of(entry.path("first-line").asText() + text.asText());
    }

    /** The machine type names in {@code query-machines} order. */
    public List<String> machineNames() {
        List<String> names = new ArrayList<>();
        queryMachines().path("return").forEach(m -> names.add(m.path("name").asText()));
        return List.copyOf(names);
    }

    /** The {@code query-machines} entry of {@code type}, if the binary has that machine type. */
    public Optional<JsonNode> machine(String type) {
        for (JsonNode m : queryMachines().path("return")) {
            if (m.path("name").asText().equals(type)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** The QOM type of CPU model {@code model}, from {@code query-cpu-definitions}; empty for an unknown model. */
    public Optional<String> cpuTypename(String model) {
        for (JsonNode definition : cpuDefinitions().path("return")) {
            if (definition.path("name").asText().equals(model)) {
                return Optional.of(definition.path("typename").asText());
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
            throw new IllegalArgumentException("expansion type must be static or full, not '" + type + "'");
        }
        JsonNode stored = file("cpu-expansions.json");
        if (!stored.has(CpuExpansionLayout.REFERENCE)) {
            JsonNode reply = stored.path(model).path(type);
            return reply.isMissingNode() ? Optional.empty() : Optional.of(reply);
        }
        return CpuExpansionLayout.expand(stored, model, type);
    }

    /**
     * The board QEMU built for machine type {@code type} when started with {@code -S} and, unless
     * {@code defaults}, {@code -nodefaults}: per QMP command the capture ran, QEMU's reply
     * (see {@code MachineCapture.COMMANDS}); or {@code start-error}, QEMU's message, when it
     * refused to start that machine type. A family member stored as a difference from its
     * family's base gets the base's replies for what it leaves out. Empty when the pack has no
     * board for the type (an unknown type, or a pack captured without boards).
     */
    public Optional<JsonNode> board(String type, boolean defaults) {
        String variant = defaults ? "defaults" : "nodefaults";
        return boardFile(type).map(entry -> {
            JsonNode own = entry.path(variant);
            String base = entry.path("base").asText(null);
            if (base == null) {
                return own;
            }
            ObjectNode merged = JsonNodeFactory.instance.objectNode();
            boardFile(base)
                    .map(b -> b.path(variant))
                    .ifPresent(b -> b.fields().forEachRemaining(reply -> merged.set(reply.getKey(), reply.getValue())));
            own.fields().forEachRemaining(reply -> merged.set(reply.getKey(), reply.getValue()));
            return merged;
        });
    }

    /**
     * What switch {@code key} ({@code usb=on}) does to the board of {@code type} with or without
     * defaults: the capture's difference from {@link #board}, with a {@link HardwareDelta} as its
     * {@code hardware}, the replies that change, or QEMU's {@code start-error}. Empty when the
     * capture did not try the switch on this type. A family member that left the variant out has
     * its base's.
     */
    public Optional<JsonNode> switchBoard(String type, String key, boolean defaults) {
        String variant = defaults ? "defaults" : "nodefaults";
        Function<String, Optional<JsonNode>> recorded = t -> typeFile(switchFiles, SWITCHES, t)
                .map(f -> f.path(SWITCHES).path(key).path(variant))
                .filter(b -> !b.isMissingNode());
        return recorded.apply(type)
                .or(() -> boardFile(type)
                        .map(entry -> entry.path("base").asText(""))
                        .filter(base -> !base.isEmpty())
                        .flatMap(recorded));
    }

    /**
     * What turning off the default devices of {@code classes} does to the board of {@code type}
     * with defaults (a {@code -device} of their own class given), in the terms of {@link
     * #switchBoard}. Empty when the capture did not try that combination on this type. A family
     * member that left it out has its base's.
     */
    public Optional<JsonNode> suppressionBoard(String type, Set<DefaultDeviceClass> classes) {
        String key = DefaultDeviceClass.key(classes);
        Function<String, Optional<JsonNode>> recorded = t -> typeFile(suppressionFiles, SUPPRESSIONS, t)
                .map(f -> f.path(SUPPRESSIONS).path(key))
                .filter(b -> !b.isMissingNode());
        return recorded.apply(type)
                .or(() -> boardFile(type)
                        .map(entry -> entry.path("base").asText(""))
                        .filter(base -> !base.isEmpty())
                        .flatMap(recorded));
    }

    /**
     * One command's reply on a captured board: {@code board(type, defaults)}'s entry for
     * {@code command}, when QEMU started that board and the capture ran that command.
     */
    public Optional<JsonNode> boardReply(String type, boolean defaults, String command) {
        return board(type, defaults).map(b -> b.path(command)).filter(r -> !r.isMissingNode());
    }

    private Optional<JsonNode> boardFile(String type) {
        return typeFile(boardFiles, MACHINES, type);
    }

    /** A machine type's file in {@code dir}, read once; none for a name that is no file name. */
    private Optional<JsonNode> typeFile(Map<String, Optional<JsonNode>> cache, String dir, String type) {
        if (type.isEmpty() || type.contains("/") || type.startsWith(".")) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(type, t -> read(dir + "/" + t + ".json"));
    }
}
