package io.qapi.machine.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.cpu.CpuModelProperties;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlot;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.SlotScheme;
import io.qapi.machine.topology.TopologyException;
import io.qapi.machine.vm.MachineParts;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.cpu.CpuDefinitionInfo;
import io.qapi.schema.cpu.CpuInfoFast;
import io.qapi.schema.cpu.CpuInstanceProperties;
import io.qapi.schema.cpu.CpuModelExpansionInfo;
import io.qapi.schema.cpu.HotpluggableCPU;
import io.qapi.schema.cpu.QueryCpuModelExpansionArguments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commands of {@code cpu.json}: the CPU models of the binary (captured replies) and the
 * machine's CPU slots (the topology rules).
 */
final class CpuModule {
    private final VirtualMachine machine;

    CpuModule(VirtualMachine machine) {
        this.machine = machine;
    }

    List<CpuDefinitionInfo> queryCpuDefinitions() {
        return MachineModule.capturedList(machine.parts().pack().cpuDefinitions(), CpuDefinitionInfo.DECODER);
    }

    CpuModelExpansionInfo queryCpuModelExpansion(QueryCpuModelExpansionArguments arguments) {
        String model = arguments.model().name();
        JsonNode reply = machine.parts()
                .pack()
                .cpuExpansion(model, arguments.type().wireName())
                .orElseThrow(() -> QmpError.generic("CPU model '" + model + "' not found"));
        if (reply.has("error")) {
            throw new QmpError(
                    reply.path("error").path("class").asText(),
                    reply.path("error").path("desc").asText());
        }
        Optional<JsonNode> props = arguments.model().props();
        if (props.isEmpty()) {
            return MachineModule.captured(reply, CpuModelExpansionInfo.DECODER);
        }
        if (!arguments.type().wireName().equals("full")) {
            throw QmpError.generic("CPU model properties in a "
                    + arguments.type().wireName() + " query-cpu-model-expansion are not modeled by qemu-model");
        }
        if (!props.get().isObject()) {
            throw QmpError.generic("Invalid parameter type for 'props', expected: object");
        }
        ObjectNode expanded = reply.deepCopy();
        try {
            String typename = machine.parts().pack().cpuTypename(model).orElse(model);
            ((ObjectNode) expanded.path("return").path("model"))
                    .set(
                            "props",
                            CpuModelProperties.apply(
                                    typename, reply.path("return").path("model").path("props"), props.get()));
        } catch (IllegalArgumentException e) {
            throw QmpError.generic(e.getMessage());
        }
        return MachineModule.captured(expanded, CpuModelExpansionInfo.DECODER);
    }

    List<HotpluggableCPU> queryHotpluggableCpus() {
        CpuSlots slots = slots();
        List<HotpluggableCPU> entries = new ArrayList<>();
        for (CpuSlot slot : slots.hotpluggableOrder()) {
            // in preconfig no CPU object exists yet, so no slot has a path
            Optional<String> path = slots.isPlugged(slot.index()) && !machine.inPreconfig()
                    ? Optional.of(qomPath(slot.index()))
                    : Optional.empty();
            entries.add(new HotpluggableCPU(slot.type(), slot.vcpusCount(), props(slot.props()), path));
        }
        return entries;
    }

    List<CpuInfoFast> queryCpusFast() {
        MachineParts parts = machine.parts();
        List<CpuInfoFast> cpus = new ArrayList<>();
        if (parts.slots().isEmpty()) {
            return cpus;
        }
        for (CpuSlot slot : parts.slots().get().pluggedSlots()) {
            ObjectNode cpu = JsonNodeFactory.instance.objectNode();
            cpu.put("cpu-index", slot.index());
            cpu.put("qom-path", qomPath(slot.index()));
            // a host thread's id in QEMU; the model runs no vCPU threads and gives the process id
            cpu.put("thread-id", ProcessHandle.current().pid());
            cpu.set("props", props(slot.props()).toJson());
            cpu.put("target", parts.arch());
            cpus.add(CpuInfoFast.DECODER.decode(Input.STRICT, cpu, ""));
        }
        return cpus;
    }

    private CpuSlots slots() {
        try {
            CpuSlots.checkHotpluggable(machine.parts().cpuFacts());
        } catch (TopologyException e) {
            throw QmpError.generic(e.getMessage());
        }
        return machine.parts()
                .slots()
                .orElseThrow(() -> QmpError.generic("CPU slots of this machine type are not modeled by qemu-model"));
    }

    /**
     * Where QEMU 7.2's pc and q35 boards put boot CPU {@code index}: the first CPU is the first
     * device they create; the second device is kvmvapic, then come the other CPUs.
     */
    String qomPath(int index) {
        return machine.hotpluggedCpuPath(index).orElseGet(() -> bootCpuPath(index));
    }

    /**
     * Where the board puts boot CPU {@code index}: the Arm virt board creates its CPUs first, one
     * after the other; QEMU 7.2's pc and q35 create the first CPU, then kvmvapic, then the others.
     */
    private String bootCpuPath(int index) {
        boolean x86 = machine.parts().cpuFacts().slotScheme() == SlotScheme.X86;
        return "/machine/unattached/device[" + (index == 0 || !x86 ? index : index + 1) + "]";
    }

    static CpuInstanceProperties props(CpuProps props) {
        Map<String, Integer> map = props.asMap();
        return new CpuInstanceProperties(
                opt(map, "node-id"),
                opt(map, "socket-id"),
                opt(map, "die-id"),
                opt(map, "cluster-id"),
                opt(map, "core-id"),
                opt(map, "thread-id"));
    }

    private static Optional<Long> opt(Map<String, Integer> map, String key) {
        Integer value = map.get(key);
        return value == null ? Optional.empty() : Optional.of(value.longValue());
    }
}
