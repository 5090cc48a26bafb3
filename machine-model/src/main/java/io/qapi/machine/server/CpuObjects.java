package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.qom.CpuObjectProperties;
import io.qapi.machine.topology.CpuSlot;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.schema.qom.ObjectPropertyInfo;
import java.util.List;
import java.util.Optional;

/**
 * The machine's CPU objects as {@code qom-list} and {@code qom-get} see them: the boot CPUs at
 * the paths {@code query-cpus-fast} gives and the hot-plugged ones at theirs, answered by
 * {@link CpuObjectProperties}. The properties are decoded once: the CPU model, the machine type
 * and its options never change in a session (libvirt reads some 400 of them in a row).
 */
final class CpuObjects {
    private final VirtualMachine machine;
    private volatile CpuObjectProperties properties;

    CpuObjects(VirtualMachine machine) {
        this.machine = machine;
    }

    /**
     * One CPU object.
     *
     * @param properties the properties of the machine's CPU model
     * @param place      where this CPU sits
     */
    record CpuObject(CpuObjectProperties properties, CpuObjectProperties.Place place) {
        /** {@code qom-list} of the CPU. */
        List<ObjectPropertyInfo> list() {
            return properties.list().stream()
                    .map(p -> new ObjectPropertyInfo(p.name(), p.type(), Optional.empty(), Optional.empty()))
                    .toList();
        }

        /** {@code qom-get} of {@code property} of the CPU. */
        JsonNode get(String property) {
            return properties.get(property, place);
        }
    }

    /** The CPU object at {@code path}; empty when no CPU is there (QomModule answers the path). */
    Optional<CpuObject> at(String path) {
        if (machine.inPreconfig()) {
            return Optional.empty();
        }
        MachineParts parts = machine.parts();
        if (parts.slots().isEmpty()) {
            return Optional.empty();
        }
        CpuModule cpus = new CpuModule(machine);
        for (CpuSlot slot : parts.slots().get().pluggedSlots()) {
            if (cpus.qomPath(slot.index()).equals(path)) {
                return Optional.of(new CpuObject(
                        properties(parts),
                        new CpuObjectProperties.Place(
                                path,
                                slot.index(),
                                slot.props().asMap(),
                                slot.archId(),
                                machine.hotpluggedCpuPath(slot.index()).isPresent(),
                                parts.topology().cpus())));
            }
        }
        return Optional.empty();
    }

    private CpuObjectProperties properties(MachineParts parts) {
        CpuObjectProperties known = properties;
        if (known == null) {
            String qomType = parts.cpuFacts().cpuType();
            known = CpuObjectProperties.of(
                    parts.pack().cpuInstances(),
                    model(parts, qomType),
                    qomType,
                    parts.type().name(),
                    parts.options().keySet(),
                    machine.cpuFeaturesGiven());
            properties = known;
        }
        return known;
    }

    /** The CPU model whose QOM type is {@code qomType}, from {@code query-cpu-definitions}. */
    private static String model(MachineParts parts, String qomType) {
        for (JsonNode definition : parts.pack().cpuDefinitions().path("return")) {
            if (definition.path("typename").asText().equals(qomType)) {
                return definition.path("name").asText();
            }
        }
        return qomType;
    }
}
