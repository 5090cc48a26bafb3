package io.qapi.machine.preconfig;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.machine.numa.NumaConfig;
import io.qapi.machine.numa.NumaMachineFacts;
import io.qapi.machine.numa.NumaNodeOptions;
import io.qapi.machine.topology.CpuSlots;
import io.qapi.machine.topology.MachineTopologyFacts;
import io.qapi.machine.topology.SmpOptions;
import io.qapi.machine.topology.SmpRules;
import io.qapi.testsupport.SharedQemu;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Phase rules. Texts from {@code real-7.2/out/preconfig/memdev-S-max8.transcript.txt} (after
 * x-exit-preconfig) and README §8 of real-7.2 (the gate message, the memoryless-node failure).
 */
class PreconfigRulesTest {
    static final long MIB = 1024 * 1024;

    static String error(Executable call) {
        return assertThrows(PreconfigException.class, call::run).getMessage();
    }

    interface Executable {
        void run() throws Exception;
    }

    @Test
    void gatedCommands() {
        assertEquals(
                "The command 'query-pci' is permitted only after machine initialization has " + "completed",
                error(() -> PreconfigRules.checkCommandAllowed("query-pci", false, MachinePhase.PRECONFIG)));
        assertDoesNotThrow(() -> PreconfigRules.checkCommandAllowed("query-pci", false, MachinePhase.READY));
        assertDoesNotThrow(() -> PreconfigRules.checkCommandAllowed("query-status", true, MachinePhase.PRECONFIG));
    }

    @Test
    void afterExit() {
        assertEquals(
                "The command is permitted only before the machine has been created",
                error(() -> PreconfigRules.checkSetNumaNode(MachinePhase.READY)));
        assertDoesNotThrow(() -> PreconfigRules.checkSetNumaNode(MachinePhase.PRECONFIG));
        assertEquals(
                "The command is permitted only before machine initialization",
                error(() -> PreconfigRules.exitPreconfig(MachinePhase.READY, NumaConfig.empty(1), 128 * MIB, null)));
    }

    @Test
    void exitReportsWhatQemuExitsWith() throws Exception {
        MachineTopologyFacts pc = MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
        CpuSlots slots =
                CpuSlots.atStart(SmpRules.resolve(SmpOptions.of(4, null, null, null, null, null, null), pc), pc);
        NumaMachineFacts numa = NumaMachineFacts.X86_MODERN;
        NumaConfig memoryless = NumaConfig.empty(4)
                .addNode(NumaNodeOptions.memoryless(0), numa, slots, Map.of())
                .addNode(NumaNodeOptions.memoryless(1), numa, slots, Map.of());
        assertEquals(
                "total memory for NUMA nodes (0x0) should equal RAM size (0x8000000)",
                error(() -> PreconfigRules.exitPreconfig(MachinePhase.PRECONFIG, memoryless, 128 * MIB, slots)));
        // the working "memdev" variant: -m 1G, two 512M backends; one socket of 4 cores
        Map<String, Long> backends = Map.of("m0", 512 * MIB, "m1", 512 * MIB);
        NumaConfig good = NumaConfig.empty(4)
                .addNode(NumaNodeOptions.withMemdev(0, "m0"), numa, slots, backends)
                .addNode(NumaNodeOptions.withMemdev(1, "m1"), numa, slots, backends);
        NumaConfig done = PreconfigRules.exitPreconfig(MachinePhase.PRECONFIG, good, 1024 * MIB, slots);
        assertTrue(done.nodeOfSlot().stream().allMatch(OptionalInt::isPresent));
    }

    @Test
    void allowlistIsTheCapturedOne() throws Exception {
        Set<String> allowed = PreconfigAllowlist.qemu72X86();
        assertTrue(allowed.containsAll(Set.of(
                "qmp_capabilities",
                "query-hotpluggable-cpus",
                "set-numa-node",
                "x-exit-preconfig",
                "qom-get",
                "object-add")));
        assertTrue(!allowed.contains("query-pci") && !allowed.contains("query-machines"));
        Path capture = SharedQemu.path("real-7.2/out/preconfig/preconfig-allowlist.json");
        Set<String> captured = new TreeSet<>();
        new ObjectMapper()
                .readTree(capture.toFile())
                .get("allowed_in_preconfig")
                .forEach(n -> captured.add(n.asText()));
        assertEquals(captured, new TreeSet<>(allowed));
    }
}
