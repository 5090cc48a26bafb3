package io.qapi.machine.numa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.topology.CpuProps;
import io.qapi.machine.topology.CpuSlot;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.MachineTopologyFacts;
import io.qapi.machine.topology.RealQemu;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.machine.topology.SmpRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The NUMA rules against the real qemu-system-x86_64 7.2 on a table of {@code -numa} options
 * (machine pc, -smp 4,sockets=4, -m 128M, 64M backends m0 and m1). A refusal is compared with
 * QEMU's first stderr line ("qemu-system-x86_64: " and, for an option's own error, the option
 * itself before the text); an accepted configuration by the {@code node-id} of every slot in
 * {@code query-hotpluggable-cpus}. Skipped when the binary is absent.
 */
class NumaAgainstQemuTest {
    private static final String PREFIX = "qemu-system-x86_64: ";
    private static final long MIB = 1024 * 1024;
    private static final Map<String, Long> BACKENDS = Map.of("m0", 64 * MIB, "m1", 64 * MIB);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 cpu,node-id=1,socket-id=0",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 cpu,node-id=1,socket-id=9",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 node,nodeid=1",
                "node,nodeid=0,memdev=m0 node,nodeid=2,memdev=m1",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 dist,src=0,dst=0,val=20",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 dist,src=0,dst=1,val=20",
                "node,nodeid=0,memdev=m0 node,nodeid=1,memdev=m1 node,nodeid=2 dist,src=0,dst=1,val=20",
                "node,nodeid=0,memdev=m0 node,nodeid=1 cpu,node-id=1,core-id=0,die-id=0",
                "node,nodeid=0 node,nodeid=1",
                "node,nodeid=0,mem=64M",
                "node,nodeid=0,memdev=m0,cpus=1 node,nodeid=1,memdev=m1,cpus=1",
            })
    void sameAsQemu(String numa) throws Exception {
        assumeTrue(RealQemu.available(), "QEMU absent: " + RealQemu.BINARY);
        List<String> options = List.of(numa.split(" "));
        List<String> argv = new ArrayList<>(List.of(
                "-machine",
                "pc",
                "-smp",
                "4,sockets=4",
                "-m",
                "128M",
                "-object",
                "memory-backend-ram,id=m0,size=64M",
                "-object",
                "memory-backend-ram,id=m1,size=64M"));
        options.forEach(option -> argv.addAll(List.of("-numa", option)));
        RealQemu.Outcome real = RealQemu.run(argv, List.of("{\"execute\":\"query-hotpluggable-cpus\"}"));

        MachineTopologyFacts pc = MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
        CpuSlots slots = CpuSlots.atStart(SmpRules.resolve(SmpOptions.of(4, null, 4, null, null, null, null), pc), pc);
        NumaConfig config = NumaConfig.empty(4);
        for (String option : options) {
            try {
                config = apply(config, option, slots);
            } catch (NumaException e) {
                assertEquals(PREFIX + "-numa " + option + ": " + e.getMessage(), real.error());
                return;
            }
        }
        NumaConfig done;
        try {
            done = NumaCompletion.complete(config, 128 * MIB, slots);
        } catch (NumaException e) {
            assertEquals(PREFIX + e.getMessage(), real.error());
            return;
        }
        assertEquals(null, real.error(), "QEMU refused what the model accepts");
        Map<Integer, Integer> realNodes = new HashMap<>();
        for (JsonNode slot : real.replies().get(0).get("return")) {
            realNodes.put(
                    slot.get("props").get("socket-id").asInt(),
                    slot.get("props").get("node-id").asInt());
        }
        Map<Integer, Integer> modelNodes = new HashMap<>();
        for (CpuSlot slot : slots.slots()) {
            modelNodes.put(
                    slot.props().socketId().getAsInt(),
                    done.nodeOfSlot().get(slot.index()).getAsInt());
        }
        assertEquals(realNodes, modelNodes);
    }

    /** Test helper: one -numa value, parsed the way the lead's keyval parser would. */
    static NumaConfig apply(NumaConfig config, String option, CpuSlots slots) throws NumaException {
        String[] parts = option.split(",");
        Map<String, String> keys = new HashMap<>();
        List<Integer> cpus = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv[0].equals("cpus")) {
                cpus.add(Integer.parseInt(kv[1]));
            } else {
                keys.put(kv[0], kv[1]);
            }
        }
        NumaMachineFacts pc = NumaMachineFacts.X86_MODERN;
        return switch (parts[0]) {
            case "node" ->
                config.addNode(
                        new NumaNodeOptions(
                                integer(keys, "nodeid"),
                                cpus,
                                keys.containsKey("mem")
                                        ? OptionalLong.of(megabytes(keys.get("mem")))
                                        : OptionalLong.empty(),
                                Optional.ofNullable(keys.get("memdev"))),
                        pc,
                        slots,
                        BACKENDS);
            case "cpu" ->
                config.mapCpus(
                        new CpuProps(
                                integer(keys, "node-id"),
                                integer(keys, "socket-id"),
                                integer(keys, "die-id"),
                                integer(keys, "cluster-id"),
                                integer(keys, "core-id"),
                                integer(keys, "thread-id")),
                        pc,
                        slots);
            case "dist" ->
                config.addDistance(
                        Integer.parseInt(keys.get("src")),
                        Integer.parseInt(keys.get("dst")),
                        Integer.parseInt(keys.get("val")),
                        pc);
            default -> throw new IllegalArgumentException(option);
        };
    }

    private static OptionalInt integer(Map<String, String> keys, String key) {
        return keys.containsKey(key) ? OptionalInt.of(Integer.parseInt(keys.get(key))) : OptionalInt.empty();
    }

    private static long megabytes(String value) {
        return Long.parseLong(value.substring(0, value.length() - 1)) * MIB;
    }
}
