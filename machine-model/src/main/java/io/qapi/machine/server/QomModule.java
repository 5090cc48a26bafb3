package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.board.SwitchedBoard;
import io.qapi.machine.isa.IsaDevice;
import io.qapi.machine.isa.IsaMachine;
import io.qapi.machine.isa.IsaRules;
import io.qapi.machine.pack.MachineSwitch;
import io.qapi.machine.pack.MachineTypePlaceholder;
import io.qapi.machine.pci.DeviceOptions;
import io.qapi.machine.pci.DeviceRequest;
import io.qapi.machine.pci.PciDevice;
import io.qapi.machine.pci.PciMachine;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.qom.ObjectPropertyInfo;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code qom-list} and {@code qom-get}, from the board the capture walked: every object's path
 * and type (so that a path QEMU does not have gets QEMU's DeviceNotFound), the {@code qom-list}
 * of the root, the machine and the containers that hold devices, and the value of every machine
 * property. What the command line changes is computed instead: the machine's {@code smp}, and the
 * devices added with {@code device_add} in {@code /machine/peripheral} and
 * {@code /machine/peripheral-anon}; the CPU objects come from {@link CpuObjects}. The captured boards have no machine options, so a machine
 * with options, like an object whose listing was not captured, is refused with an error that
 * says it is not modeled.
 */
final class QomModule {
    private static final String PERIPHERAL = "/machine/peripheral";
    private static final String ANONYMOUS = "/machine/peripheral-anon";
    private static final String MACHINE = "/machine";
    private static final String UNATTACHED = "/machine/unattached";
    private static final String OBJECTS = "/objects";
    private static final String CHARDEVS = "/chardevs";

    private final VirtualMachine machine;
    private final CpuObjects cpus;
    private volatile JsonNode restored;

    QomModule(VirtualMachine machine) {
        this.machine = machine;
        this.cpus = new CpuObjects(machine);
    }

    List<ObjectPropertyInfo> qomList(String path) {
        Optional<CpuObjects.CpuObject> cpu = cpus.at(path);
        if (cpu.isPresent()) {
            return cpu.get().list();
        }
        if (path.equals(CHARDEVS)) {
            // as /objects: the class's property, then the children in the reverse of the table's order
            List<ObjectPropertyInfo> listed = new ArrayList<>(
                    List.of(new ObjectPropertyInfo("type", "string", Optional.empty(), Optional.empty())));
            machine.chardevs()
                    .listed()
                    .forEach(c -> listed.add(new ObjectPropertyInfo(
                            c.id(), "child<" + c.qomType() + ">", Optional.empty(), Optional.empty())));
            return listed;
        }
        if (path.equals(OBJECTS) && !machine.inPreconfig()) {
            // the class's property first, then the children in the reverse of the table's order
            List<ObjectPropertyInfo> listed = new ArrayList<>(
                    List.of(new ObjectPropertyInfo("type", "string", Optional.empty(), Optional.empty())));
            List<String> children = new ArrayList<>(machine.objects());
            Collections.reverse(children);
            for (String child : children) {
                listed.add(new ObjectPropertyInfo(
                        child,
                        "child<" + machine.objectType(child).orElseThrow() + ">",
                        Optional.empty(),
                        Optional.empty()));
            }
            return listed;
        }
        refuseUnattachedBesideExpander("qom-list", path);
        JsonNode qom = captured();
        String type = type(qom, path);
        JsonNode listed = qom.path("lists").path(path);
        if (listed.isMissingNode()) {
            throw QmpError.generic("qom-list of '" + path + "' (" + type + ") is not modeled by qemu-model yet");
        }
        List<ObjectPropertyInfo> properties =
                new ArrayList<>(MachineModule.capturedList(listed, ObjectPropertyInfo.DECODER));
        if (path.equals("/")) {
            // QEMU makes /objects the first time something needs it: an -object, or a command
            // that looks there (query-memdev), as the capture did before it listed the root
            properties.removeIf(p -> p.name().equals("objects"));
            if (!machine.parts().backends().isEmpty() || machine.objectsLookedUp()) {
                properties.add(
                        new ObjectPropertyInfo("objects", "child<container>", Optional.empty(), Optional.empty()));
            }
        }
        if (path.equals(PERIPHERAL) || path.equals(ANONYMOUS)) {
            // QEMU lists an object's own properties in the reverse of its hash table's order,
            // after its class's ("type")
            List<String> children = new ArrayList<>(machine.peripheralChildren(path));
            Collections.reverse(children);
            for (String child : children) {
                String childType = machine.addedDevices().get(path + "/" + child);
                properties.add(
                        new ObjectPropertyInfo(child, "child<" + childType + ">", Optional.empty(), Optional.empty()));
            }
        }
        return properties;
    }

    JsonNode qomGet(String path, String property) {
        Optional<CpuObjects.CpuObject> cpu = cpus.at(path);
        if (cpu.isPresent()) {
            return cpu.get().get(property);
        }
        String added = machine.addedDevices().get(path);
        if (added != null) {
            if (property.equals("type")) {
                return JsonNodeFactory.instance.textNode(added);
            }
            Optional<JsonNode> pciValue = machine.pci()
                    .flatMap(pci -> pciProperty(pci, path, property))
                    .or(() -> machine.isa().flatMap(isa -> isaProperty(isa, path, property)));
            if (pciValue.isPresent()) {
                return pciValue.get();
            }
            throw QmpError.generic(
                    "qom-get of '" + path + "' property '" + property + "' is not modeled by qemu-model yet");
        }
        if (path.equals(MACHINE) && property.equals("smp")) {
            ObjectNode smp = JsonNodeFactory.instance.objectNode();
            machine.parts().topology().smpProperty().forEach(smp::put);
            return smp;
        }
        refuseUnattachedBesideExpander("qom-get", path);
        JsonNode qom = captured();
        String type = type(qom, path);
        if (!path.equals(MACHINE)) {
            throw QmpError.generic("qom-get of '" + path + "' (" + type + ") is not modeled by qemu-model yet");
        }
        JsonNode reply = qom.path("machine").path(property);
        if (property.equals("memory") && reply.path("return").isObject()) {
            // -m sets the size; the model has no maxmem=, so the most memory is the size
            ObjectNode memory = reply.path("return").deepCopy();
            memory.put("size", machine.parts().ramBytes());
            memory.put("max-size", machine.parts().ramBytes());
            return memory;
        }
        if (reply.isMissingNode()) {
            throw QmpError.generic("Property '" + type + "." + property + "' not found");
        }
        if (reply.path("host-dependent").asBoolean()) {
            return hostValue(property);
        }
        if (reply.has("error")) {
            throw new QmpError(
                    reply.path("error").path("class").asText(),
                    reply.path("error").path("desc").asText());
        }
        return reply.path("return");
    }

    /**
     * A property of an added PCI device the model knows: where it sits ({@code addr} as QEMU's
     * device function number, {@code parent_bus} as the bus's QOM path), its id, and the
     * guest-visible properties kept from its options (a NIC's {@code mac}, given or QEMU's
     * default).
     */
    private static Optional<JsonNode> pciProperty(PciMachine pci, String path, String property) {
        Optional<PciMachine.AddedDevice> added = pci.added(path);
        if (added.isEmpty()) {
            return Optional.empty();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        PciDevice device = added.get().device();
        return switch (property) {
            case "addr" -> Optional.of(nodes.numberNode(device.devfn()));
            case "parent_bus" -> pci.busPath(device).map(nodes::textNode);
            case "multifunction" -> Optional.of(nodes.booleanNode(device.multifunction()));
            default ->
                Optional.ofNullable(added.get().properties().get(property))
                        .or(() -> expanderDefault(device, property))
                        .map(value -> value.matches("\\d+")
                                ? nodes.numberNode(Long.parseLong(value))
                                : nodes.textNode(value));
        };
    }

    /** An expander bridge's {@code bus_nr} and {@code numa_node} when not given: QEMU's defaults. */
    private static Optional<String> expanderDefault(PciDevice device, String property) {
        if (!DeviceOptions.category(device.type()).expander()) {
            return Optional.empty();
        }
        return switch (property) {
            case "bus_nr" -> Optional.of("0");
            case "numa_node" -> Optional.of(Integer.toString(DeviceRequest.Expander.NO_NUMA_NODE));
            default -> Optional.empty();
        };
    }

    /**
     * An expander bridge adds its host bridge (and a {@code pxb} its own bridge) to
     * {@code /machine/unattached}, which the captured board does not have: refused as not modeled.
     */
    private void refuseUnattachedBesideExpander(String command, String path) {
        if (path.startsWith(UNATTACHED)
                && machine.pci()
                        .filter(p -> !p.topology().expanderRoots().isEmpty())
                        .isPresent()) {
            throw QmpError.generic(
                    command + " of '" + path + "' beside an expander bridge is not modeled by qemu-model yet");
        }
    }

    /**
     * A property of an added ISA device the model knows: its bus, its numbers given or derived
     * ({@code index}, {@code iobase}, {@code irq}, {@code dma}) and a serial port's {@code chardev}.
     */
    private static Optional<JsonNode> isaProperty(IsaMachine isa, String path, String property) {
        Optional<IsaDevice> added = isa.added(path);
        if (added.isEmpty()) {
            return Optional.empty();
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (property.equals("parent_bus")) {
            return Optional.of(nodes.textNode(isa.busPath()));
        }
        if (property.equals("chardev") && added.get().type().equals(IsaRules.SERIAL)) {
            return Optional.of(nodes.textNode(added.get().chardev()));
        }
        return Optional.ofNullable(added.get().values().get(property)).map(nodes::numberNode);
    }

    /** A machine property whose value QEMU reads from the host: the RTC's time, as {@code struct tm}. */
    private static JsonNode hostValue(String property) {
        if (!property.equals("rtc-time")) {
            throw QmpError.generic("qom-get of /machine property '" + property + "' is not modeled by qemu-model yet");
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ObjectNode tm = JsonNodeFactory.instance.objectNode();
        tm.put("tm_year", now.getYear() - 1900);
        tm.put("tm_sec", now.getSecond());
        tm.put("tm_hour", now.getHour());
        tm.put("tm_mday", now.getDayOfMonth());
        tm.put("tm_min", now.getMinute());
        tm.put("tm_mon", now.getMonthValue() - 1);
        return tm;
    }

    /**
     * The QOM type of {@code path}, from its parent's captured listing; QEMU's DeviceNotFound when
     * that listing has no such child. A path under an object whose listing was not captured is
     * not modeled.
     */
    private String type(JsonNode qom, String path) {
        if (path.equals("/")) {
            return "container";
        }
        if (path.equals(MACHINE)) {
            return machine.parts().type().name() + "-machine";
        }
        if (!path.startsWith("/")) {
            throw new QmpError("DeviceNotFound", "Device '" + path + "' not found");
        }
        int slash = path.lastIndexOf('/');
        String parent = slash == 0 ? "/" : path.substring(0, slash);
        JsonNode listing = qom.path("lists").path(parent).path("return");
        if (listing.isMissingNode()) {
            throw QmpError.generic("qom of '" + path + "' is not modeled by qemu-model yet");
        }
        String name = path.substring(slash + 1);
        for (JsonNode property : listing) {
            String type = property.path("type").asText();
            if (property.path("name").asText().equals(name) && type.startsWith("child<")) {
                return type.substring(6, type.length() - 1);
            }
        }
        if (machine.addedDevices().containsKey(path)) {
            return machine.addedDevices().get(path);
        }
        throw new QmpError("DeviceNotFound", "Device '" + path + "' not found");
    }

    /**
     * The captured QOM data of the board the machine stands for, read and restored once: the
     * machine type, its options and its defaults never change in a session.
     */
    private JsonNode captured() {
        if (machine.inPreconfig()) {
            // before the machine is created its tree has fewer properties and no devices
            throw QmpError.generic("the QOM tree before x-exit-preconfig is not modeled by qemu-model yet");
        }
        JsonNode known = restored;
        if (known == null) {
            known = restoreBoard(machine.parts());
            restored = known;
        }
        return known;
    }

    private static ObjectNode partsOf(SwitchedBoard board, List<String> names) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        names.forEach(name -> board.part(name).ifPresent(part -> kept.set(name, part)));
        return kept;
    }

    private static JsonNode restoreBoard(MachineParts parts) {
        if (!parts.board().switchesKeepDevices()) {
            throw QmpError.generic("the QOM tree of a machine with switches ("
                    + String.join(
                            ", ",
                            parts.board().switches().stream()
                                    .map(MachineSwitch::key)
                                    .toList())
                    + ") is not modeled by qemu-model yet");
        }
        // the board as built: with the default devices the command line turned off left out
        JsonNode board = Optional.of(parts.board())
                .filter(b -> b.part("qom-lists").isPresent())
                .map(b -> (JsonNode) partsOf(b, List.of("qom-lists", "qom-machine")))
                .orElseThrow(() -> QmpError.generic(
                        "the QOM tree of machine type '" + parts.type().name() + "' is not in this data pack"));
        String machineType = parts.type().name() + "-machine";
        ObjectNode qom = JsonNodeFactory.instance.objectNode();
        for (String part : List.of("lists", "machine")) {
            qom.set(part, MachineTypePlaceholder.restore(board.path("qom-" + part), machineType));
        }
        // the machine's own properties read as switched (the capture walked only the unswitched tree)
        ObjectNode machineProperties = (ObjectNode) qom.path("machine");
        for (MachineSwitch machineSwitch : parts.board().switches()) {
            JsonNode current = machineProperties.path(machineSwitch.property()).path("return");
            if (current.isBoolean()) {
                machineProperties
                        .putObject(machineSwitch.property())
                        .put("return", machineSwitch.value().equals("on"));
            } else if (current.isTextual()) {
                machineProperties.putObject(machineSwitch.property()).put("return", machineSwitch.value());
            }
        }
        Optional.ofNullable(parts.options().get("memory-backend"))
                .ifPresent(id -> machineProperties.putObject("memory-backend").put("return", "/objects/" + id));
        return qom;
    }
}
