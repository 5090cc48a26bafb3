package io.qapi.machine.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Command-line ({@code -device}) scenarios that QEMU 7.2 refuses at start-up: the model must refuse
 * the same device with the same text.
 */
class RealQemuColdPlugTest {
    record Cold(DeviceRequest request, String extra) {
        String spec() {
            StringBuilder s = new StringBuilder(request.driver());
            request.id().ifPresent(v -> s.append(",id=").append(v));
            request.bus().ifPresent(v -> s.append(",bus=").append(v));
            request.addr().ifPresent(v -> s.append(",addr=").append(v));
            if (request.multifunction()) {
                s.append(",multifunction=on");
            }
            return s.append(extra).toString();
        }
    }

    record Scenario(String name, String machine, List<Cold> devices) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Cold c(
            String driver,
            DeviceCategory category,
            String id,
            String bus,
            String addr,
            boolean multifunction,
            String extra) {
        DeviceRequest r = DeviceRequest.of(driver, category, false).multifunction(multifunction);
        r = id == null ? r : r.withId(id);
        r = bus == null ? r : r.onBus(bus);
        r = addr == null ? r : r.at(addr);
        return new Cold(r, extra);
    }

    private static Cold e(String driver, String id, String bus, String addr) {
        return c(driver, DeviceCategory.ENDPOINT, id, bus, addr, false, "");
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario(
                        "q35 endpoint on pxb-pcie bus",
                        "q35",
                        List.of(
                                c("pxb-pcie", DeviceCategory.PXB_PCIE, "px", null, null, false, ",bus_nr=20"),
                                e("e1000e", "n1", "px", null))),
                new Scenario("q35 slot in use by mch", "q35", List.of(e("e1000e", "n1", null, "0"))),
                new Scenario(
                        "q35 function in use by anonymous ICH9 SATA",
                        "q35",
                        List.of(e("e1000e", "n1", "pcie.0", "1f.2"))),
                new Scenario(
                        "pc single function then function 1",
                        "pc",
                        List.of(e("e1000", "a", null, "5"), e("rtl8139", "b", null, "5.1"))),
                new Scenario(
                        "pc function 2 then single function 0",
                        "pc",
                        List.of(e("e1000", "a", null, "7.2"), e("rtl8139", "b", null, "7"))),
                new Scenario(
                        "pc device on bridge slot 0 is fine cold, then its slot is taken",
                        "pc",
                        List.of(
                                c("pci-bridge", DeviceCategory.PCI_BRIDGE, "br", null, null, false, ",chassis_nr=1"),
                                e("e1000", "n1", "br", "0"),
                                e("e1000", "n2", "br", "0"))),
                new Scenario("pc bad addr", "pc", List.of(e("e1000", "n1", null, "0x20"))),
                new Scenario("pc unknown bus", "pc", List.of(e("e1000", "n1", "pcie.0", null))),
                new Scenario(
                        "pc duplicate id",
                        "pc",
                        List.of(e("e1000", "n1", null, null), e("rtl8139", "n1", null, null))));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void qemuAndModelRefuseAlike(Scenario scenario) throws Exception {
        assumeTrue(Files.isExecutable(QemuQmp.BINARY), "needs " + QemuQmp.BINARY + " (QEMU 7.2); skipped");
        PciTopology model = "q35".equals(scenario.machine()) ? PciTopology.q35() : PciTopology.i440fx();
        String expected = "ok";
        List<String> args = new ArrayList<>();
        for (Cold d : scenario.devices()) {
            args.add("-device");
            args.add(d.spec());
            if (!expected.equals("ok")) {
                continue;
            }
            try {
                model = PciPlacement.place(model, d.request()).topology();
            } catch (PlacementException e) {
                expected = e.getMessage();
            }
        }
        assertNotEquals("ok", expected, scenario + ": every scenario here is one QEMU refuses");
        assertEquals(expected, QemuQmp.startupError(scenario.machine(), args), scenario.toString());
    }
}
