package io.qapi.machine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * CPU slots and CPU {@code device_add}. Texts from {@code real-7.2/out/hotplug-cpus/
 * pc-smp4-max8.transcript.txt} (machine pc, -smp 4,maxcpus=8) and README §5 there, unless the
 * comment names hw/i386/x86.c of v7.2.0 as the source.
 */
class CpuSlotsTest {
    private static final String CPU = "qemu64-x86_64-cpu";

    static CpuSlots pc(String smp) throws TopologyException {
        CpuTopology t = SmpRules.resolve(SmpText.parse(smp), SmpRulesTest.PC);
        return CpuSlots.atStart(t, SmpRulesTest.PC);
    }

    static String addError(CpuSlots slots, String driver, CpuProps props) {
        return assertThrows(TopologyException.class, () -> slots.checkCpuDeviceAdd(driver, props))
                .getMessage();
    }

    @Test
    void addIntoFreeSlotThenSameSlotAgain() throws Exception {
        CpuSlots slots = pc("4,maxcpus=8");
        int index = slots.checkCpuDeviceAdd(CPU, CpuProps.of(null, 0, null, null, 4, 0));
        assertEquals(4, index); // query-cpus-fast then shows it as cpu-index 4
        CpuSlots after = slots.withPlugged(index);
        assertTrue(after.isPlugged(4));
        assertFalse(slots.isPlugged(4), "the earlier value is unchanged");
        assertEquals("CPU[4] with APIC ID 4 exists", addError(after, CPU, CpuProps.of(null, 0, null, null, 4, 0)));
    }

    @Test
    void captureErrors() throws Exception {
        CpuSlots slots = pc("4,maxcpus=8");
        assertEquals(
                "Invalid CPU socket-id: 99 must be in range 0:0",
                addError(slots, CPU, CpuProps.of(null, 99, null, null, 0, 0)));
        assertEquals(
                "Invalid CPU type, expected cpu type: 'qemu64-x86_64-cpu'",
                addError(slots, "Haswell-x86_64-cpu", CpuProps.of(null, 5, null, null, 0, 0)));
        assertEquals("CPU socket-id is not set", addError(slots, CPU, CpuProps.NONE));
        assertEquals(
                "acpi: device unplug request for not supported device type: " + "qemu64-x86_64-cpu",
                slots.cpuDeviceDelError());
    }

    @Test
    void lowerLevelChecksInQemuOrder() throws Exception {
        CpuSlots slots = pc("4,maxcpus=8");
        // hw/i386/x86.c x86_cpu_pre_plug: socket, then die (0 implied with one die), core, thread
        assertEquals("CPU core-id is not set", addError(slots, CPU, CpuProps.of(null, 0, null, null, null, 0)));
        assertEquals(
                "Invalid CPU core-id: 8 must be in range 0:7",
                addError(slots, CPU, CpuProps.of(null, 0, null, null, 8, 0)));
        assertEquals("CPU thread-id is not set", addError(slots, CPU, CpuProps.of(null, 0, null, null, 5, null)));
        assertEquals(
                "Invalid CPU die-id: 1 must be in range 0:0",
                addError(slots, CPU, CpuProps.of(null, 0, 1, null, 5, 0)));
        CpuSlots twoDies = pc("2,dies=2,maxcpus=4");
        assertEquals("CPU die-id is not set", addError(twoDies, CPU, CpuProps.of(null, 0, null, null, 0, 0)));
    }

    @Test
    void apicIdsRoundFieldsUpToPowersOfTwo() throws Exception {
        // 3 cores need 2 bits: socket 1 core 0 is APIC id 4 (include/hw/i386/topology.h)
        CpuSlots slots = pc("2,sockets=2,cores=3,maxcpus=6");
        List<Long> ids = slots.slots().stream().map(CpuSlot::archId).toList();
        assertEquals(List.of(0L, 1L, 2L, 4L, 5L, 6L), ids);
        assertEquals(
                "CPU[3] with APIC ID 4 exists",
                addError(slots.withPlugged(3), CPU, CpuProps.of(null, 1, null, null, 0, 0)));
    }

    @Test
    void dieIdShownOnlyWithSeveralDies() throws Exception {
        assertEquals(
                List.of("socket-id", "die-id", "core-id", "thread-id"),
                List.copyOf(pc("4,dies=2").slots().get(3).props().asMap().keySet()));
        assertEquals(
                List.of("socket-id", "core-id", "thread-id"),
                List.copyOf(pc("4").slots().get(3).props().asMap().keySet()));
    }

    @Test
    void nodeIdOfDeviceAddMustMatchTheSlot() throws Exception {
        // README §8: after mapping socket 1 to node 1, device_add with node-id 0 is refused
        CpuSlots slots = pc("4,sockets=2,cores=4,threads=1,maxcpus=8");
        List<OptionalInt> nodes = slots.slots().stream()
                .map(s -> OptionalInt.of(s.props().socketId().getAsInt()))
                .toList();
        CpuSlots mapped = slots.withNodes(nodes);
        assertEquals("invalid node-id, must be 1", addError(mapped, CPU, CpuProps.of(0, 1, null, null, 0, 0)));
        assertEquals(4, mapped.checkCpuDeviceAdd(CPU, CpuProps.of(1, 1, null, null, 0, 0)));
    }

    @Test
    void machinesWithoutCpuHotplug() {
        MachineTopologyFacts none = new MachineTopologyFacts(
                "none", 0, 1, false, false, false, false, "qemu64-x86_64-cpu", SlotScheme.NONE);
        assertEquals(
                "The feature 'query-hotpluggable-cpus' is not enabled",
                assertThrows(TopologyException.class, () -> CpuSlots.checkHotpluggable(none))
                        .getMessage());
    }
}
