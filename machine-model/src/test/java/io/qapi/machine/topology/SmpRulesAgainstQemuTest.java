package io.qapi.machine.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The model against the real qemu-system-x86_64 7.2 on a table of {@code -smp} command lines:
 * for a refused one, QEMU's first stderr line (without "qemu-system-x86_64: ") equals the
 * rule's message; for an accepted one, {@code qom-get /machine smp} and
 * {@code query-hotpluggable-cpus} equal the model's. Skipped when the binary is absent.
 */
class SmpRulesAgainstQemuTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "qemu-system-x86_64: ";

    static MachineTopologyFacts facts(String machine) {
        return switch (machine) {
            case "pc" -> MachineTopologyFacts.x86("pc-i440fx-7.2", 255, false);
            case "q35" -> MachineTopologyFacts.x86("pc-q35-7.2", 288, false);
            case "pc-i440fx-5.0" -> MachineTopologyFacts.x86("pc-i440fx-5.0", 255, true);
            default -> throw new IllegalArgumentException(machine);
        };
    }

    @ParameterizedTest(name = "-machine {0} -smp {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "pc; 4,sockets=3",
                "pc; 4,maxcpus=2",
                "pc; 300",
                "q35; 300",
                "pc; 4,clusters=2",
                "pc; cpus=4,sockets=2,cores=2,threads=2",
                "pc; 4,maxcpus=8",
                "q35; 4,maxcpus=8",
                "pc; 2,threads=2,maxcpus=4",
                "pc; 2,sockets=2,cores=3,maxcpus=6",
                "pc; 4,dies=2",
                "pc; 8,dies=2,sockets=1,cores=2",
                "pc; sockets=2,cores=2",
                "pc-i440fx-5.0; 4,maxcpus=8",
                "pc-i440fx-5.0; 6,cores=2",
                // counts are 64-bit on the command line and unsigned 32-bit in the rules, as in QEMU
                "pc; cpus=2,maxcpus=-2",
                "pc; maxcpus=-1",
                "pc; sockets=65536,cores=65536",
                "pc; cpus=4294967298",
                "pc; cpus=2,sockets=4294967297,cores=1",
            })
    void sameAsQemu(String machine, String smp) throws Exception {
        assumeTrue(RealQemu.available(), "QEMU absent: " + RealQemu.BINARY);
        MachineTopologyFacts facts = facts(machine);
        RealQemu.Outcome real = RealQemu.run(
                List.of("-machine", machine, "-smp", smp),
                List.of(
                        "{\"execute\":\"qom-get\",\"arguments\":{\"path\":\"/machine\"," + "\"property\":\"smp\"}}",
                        "{\"execute\":\"query-hotpluggable-cpus\"}"));
        CpuTopology model;
        try {
            model = SmpRules.resolve(SmpText.parse(smp), facts);
        } catch (TopologyException e) {
            assertEquals(real.error(), PREFIX + e.getMessage());
            return;
        }
        assertEquals(null, real.error(), "QEMU refused what the model accepts");
        assertEquals(JSON.convertValue(real.replies().get(0).get("return"), Map.class), model.smpProperty());
        List<Object> expected = new ArrayList<>();
        for (JsonNode slot : real.replies().get(1).get("return")) {
            expected.add(List.of(JSON.convertValue(slot.get("props"), Map.class), slot.has("qom-path")));
        }
        CpuSlots slots = CpuSlots.atStart(model, facts);
        assertEquals(
                expected,
                slots.hotpluggableOrder().stream()
                        .map(s -> (Object) List.of(s.props().asMap(), slots.isPlugged(s.index())))
                        .toList());
    }
}
