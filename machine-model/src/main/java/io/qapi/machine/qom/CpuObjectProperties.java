package io.qapi.machine.qom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qapi.machine.pack.CpuInstanceLayout;
import io.qapi.machine.pack.CpuInstanceLayout.CapturedCpu;
import io.qapi.machine.pack.CpuInstanceLayout.Property;
import io.qapi.runtime.api.QmpError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code qom-list} and {@code qom-get} of a CPU object ({@code /machine/unattached/device[0]}, a
 * hot-plugged {@code /machine/peripheral/vcpu2}): the CPU model's properties and values as the
 * capture recorded them on the model's first CPU, with what depends on the CPU's place taken from
 * the machine's own topology.
 *
 * <p>Measured on QEMU 7.2 (every CPU of a {@code -smp 2,maxcpus=4} machine and a hot-plugged one,
 * every property read): two CPUs of one model list the same properties in the same order, and
 * their values differ only in the CPU's ids ({@code apic-id}, {@code socket-id}, … on x86,
 * {@code mp-affinity} on Arm), {@code hotplugged}, Arm's {@code start-powered-off} (true but for
 * the first CPU, which PSCI starts) and {@code core-count} (the machine's CPU count), a child's
 * value (its own path) and Arm's interrupt links (board wiring, refused as not modeled). The
 * values of {@code pc-q35-7.2} and {@code pc-i440fx-7.2} are equal; older machine types change
 * some ({@code pc-i440fx-6.0}'s {@code qemu64} has another family, model and stepping), so only
 * machine types of the capture's QEMU version are answered. {@code -cpu} features change values
 * in ways not modeled here (TCG filters {@code +avx} out again and says so), so with features only
 * the place-derived values are answered.
 */
public final class CpuObjectProperties {
    /**
     * Machine options that leave the CPU object as it is: libvirt's {@code usb=off},
     * {@code dump-guest-core=off}, {@code memory-backend=pc.ram}, {@code acpi=off} (its
     * {@code -no-acpi}) and, on Arm, {@code gic-version} at the board's own value (the board
     * refuses another); libvirt's q35 domain with {@code -no-acpi} reads every property as QEMU's.
     */
    private static final Set<String> NEUTRAL_MACHINE_OPTIONS =
            Set.of("usb", "dump-guest-core", "memory-backend", "mem-merge", "acpi", "gic-version");
    /**
     * What {@code -cpu} features leave alone besides the place (measured with {@code qemu64,+avx}:
     * {@code avx} and {@code feature-words} change, and a feature may take others with it).
     */
    private static final Set<String> FEATURE_INDEPENDENT = Set.of("type", "realized", "hotpluggable");

    private static final Set<String> IDS =
            Set.of("socket-id", "die-id", "cluster-id", "core-id", "thread-id", "node-id");

    private final CapturedCpu cpu;
    private final Map<String, Property> byName = new HashMap<>();
    private final String qomType;
    private final boolean cpuFeatures;

    private CpuObjectProperties(CapturedCpu cpu, String qomType, boolean cpuFeatures) {
        this.cpu = cpu;
        cpu.list().forEach(p -> byName.put(p.name(), p));
        this.qomType = qomType;
        this.cpuFeatures = cpuFeatures;
    }

    /**
     * Where a CPU sits in the machine.
     *
     * @param path       its QOM path
     * @param cpuIndex   its {@code cpu-index}
     * @param ids        its slot's properties ({@code socket-id}, {@code node-id}, …), as
     *                   {@code query-hotpluggable-cpus} gives them
     * @param archId     its slot's architecture id (x86: the APIC id)
     * @param hotplugged whether {@code device_add} plugged it
     * @param cpus       the machine's CPU count at start ({@code -smp}'s cpus)
     */
    public record Place(
            String path, int cpuIndex, Map<String, Integer> ids, long archId, boolean hotplugged, int cpus) {
        public Place {
            ids = Map.copyOf(ids);
        }
    }

    /**
     * The properties of CPU model {@code model}'s objects from the pack's {@code cpu-instances.json}
     * ({@code file}, missing in a pack without it), on machine type {@code machineType} with
     * {@code -machine} options {@code machineOptions}; {@code cpuFeatures} says whether
     * {@code -cpu} gave features. Refuses, saying it is not modeled, what the capture does not
     * stand for.
     */
    public static CpuObjectProperties of(
            JsonNode file,
            String model,
            String qomType,
            String machineType,
            Set<String> machineOptions,
            boolean cpuFeatures) {
        if (file.isMissingNode()) {
            throw notModeled("the QOM properties of CPU objects are not in this data pack");
        }
        String captured = file.path("machine").asText();
        if (!version(machineType).equals(version(captured))) {
            throw notModeled("qom of CPU objects on machine type '" + machineType + "' (captured on '" + captured
                    + "') is not modeled by qemu-model yet");
        }
        for (String option : machineOptions) {
            if (!NEUTRAL_MACHINE_OPTIONS.contains(option)) {
                throw notModeled(
                        "qom of CPU objects with machine option '" + option + "' is not modeled by qemu-model yet");
            }
        }
        CpuInstanceLayout.Result result = CpuInstanceLayout.decode(file, model)
                .orElseThrow(() -> notModeled("qom of CPU model '" + model + "' is not modeled by qemu-model yet"));
        CapturedCpu cpu = result.cpu()
                .orElseThrow(() -> notModeled("qom of CPU model '" + model + "' (refused on the captured board: "
                        + result.refusal() + ") is not modeled by qemu-model yet"));
        return new CpuObjectProperties(cpu, qomType, cpuFeatures);
    }

    /** The version suffix of a machine type ({@code 7.2} of {@code pc-q35-7.2}); the name for an unversioned one. */
    private static String version(String machineType) {
        return machineType.substring(machineType.lastIndexOf('-') + 1);
    }

    /** {@code qom-list}'s entries, in QEMU's order. */
    public List<Property> list() {
        return cpu.list();
    }

    /** {@code qom-get} of {@code property} on the CPU at {@code place}. */
    public JsonNode get(String property, Place place) {
        Property listed = byName.get(property);
        if (listed == null) {
            throw QmpError.generic("Property '" + qomType + "." + property + "' not found");
        }
        if (listed.type().startsWith("child<")) {
            return JsonNodeFactory.instance.textNode(place.path() + "/" + property);
        }
        Optional<JsonNode> placed = placeValue(property, place);
        if (placed.isPresent()) {
            return placed.get();
        }
        if (cpuFeatures
                && !FEATURE_INDEPENDENT.contains(property)
                && !listed.type().startsWith("link<")) {
            throw notModeled(
                    "qom-get of CPU property '" + property + "' with -cpu features is not modeled by qemu-model yet");
        }
        JsonNode reply = cpu.values().get(property);
        if (reply == null) {
            throw notModeled(
                    "qom-get of CPU property '" + property + "' (not captured) is not modeled by qemu-model yet");
        }
        if (listed.type().equals("link<irq>") && !reply.path("return").asText().isEmpty()) {
            throw notModeled("qom-get of CPU interrupt link '" + property + "' is not modeled by qemu-model yet");
        }
        if (reply.has("error")) {
            throw new QmpError(
                    reply.path("error").path("class").asText(),
                    reply.path("error").path("desc").asText());
        }
        return reply.path("return");
    }

    /** A value that depends on where the CPU sits rather than on its model; empty for the others. */
    private Optional<JsonNode> placeValue(String property, Place place) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        boolean arm = cpu.values().containsKey("mp-affinity");
        if (IDS.contains(property) && place.ids().containsKey(property)) {
            return Optional.of(nodes.numberNode(place.ids().get(property)));
        }
        return switch (property) {
            case "hotplugged" -> Optional.of(nodes.booleanNode(place.hotplugged()));
            case "apic-id" -> Optional.of(nodes.numberNode(place.archId()));
            // the virt board's GICv2 takes at most 8 CPUs, all in affinity cluster 0
            case "mp-affinity" -> Optional.of(nodes.numberNode((long) place.cpuIndex()));
            case "core-count" -> Optional.of(nodes.numberNode(place.cpus()));
            // PSCI starts the first CPU; the virt board makes the others wait for CPU_ON
            case "start-powered-off" -> arm ? Optional.of(nodes.booleanNode(place.cpuIndex() > 0)) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static QmpError notModeled(String message) {
        return QmpError.generic(message);
    }
}
