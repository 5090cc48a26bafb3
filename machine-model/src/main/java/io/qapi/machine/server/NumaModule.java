package io.qapi.machine.server;

import io.qapi.machine.numa.NumaNodeOptions;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.vm.NumaRequest;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.numa.NumaCpuOptions;
import io.qapi.schema.numa.NumaDistOptions;
import io.qapi.schema.numa.NumaOptions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code set-numa-node} (and {@code x-exit-preconfig}, which completes the NUMA configuration):
 * the QMP request read into the NUMA rules' terms; the machine applies it whole or not at all.
 */
final class NumaModule {
    private final VirtualMachine machine;

    NumaModule(VirtualMachine machine) {
        this.machine = machine;
    }

    void setNumaNode(NumaOptions options) {
        machine.setNumaNode(request(options.branch()));
    }

    void exitPreconfig() {
        machine.exitPreconfig();
    }

    private static NumaRequest request(NumaOptions.Branch branch) {
        if (branch instanceof NumaOptions.Node node) {
            if (node.value().cpus().isPresent()
                    || node.value().mem().isPresent()
                    || node.value().initiator().isPresent()) {
                throw QmpError.generic("set-numa-node: node cpus, mem and initiator are not modeled by qemu-model");
            }
            NumaNodeOptions options = new NumaNodeOptions(
                    node.value().nodeid().map(OptionalInt::of).orElse(OptionalInt.empty()), List.of(),
                    OptionalLong.empty(), node.value().memdev());
            return (config, facts, slots, sizes) -> config.addNode(options, facts, slots, sizes);
        }
        if (branch instanceof NumaOptions.Cpu cpu) {
            NumaCpuOptions c = cpu.value();
            CpuProps props = new CpuProps(
                    id(c.nodeId()),
                    id(c.socketId()),
                    id(c.dieId()),
                    id(c.clusterId()),
                    id(c.coreId()),
                    id(c.threadId()));
            return (config, facts, slots, sizes) -> config.mapCpus(props, facts, slots);
        }
        if (branch instanceof NumaOptions.Dist dist) {
            NumaDistOptions d = dist.value();
            return (config, facts, slots, sizes) -> config.addDistance(d.src(), d.dst(), d.val(), facts);
        }
        throw QmpError.generic("set-numa-node: this type of NUMA option is not modeled by qemu-model");
    }

    private static OptionalInt id(Optional<Long> value) {
        return value.map(v -> OptionalInt.of((int) (long) v)).orElse(OptionalInt.empty());
    }
}
