package io.qapi.machine.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs each scenario against the real QEMU 7.2 binary and against {@link PciPlacement}: the same
 * cold-plugged devices on the command line, then the same device_add sequence; every reply (success
 * with the device's address, or the error text) must agree.
 */
class RealQemuPlacementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One device: the model request plus options only QEMU needs (chassis_nr and the like). */
    record Dev(DeviceRequest request, Map<String, String> extra) {}

    record Scenario(String name, String machine, List<Dev> cold, List<Dev> hot) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Dev dev(
            String driver,
            DeviceCategory category,
            boolean hot,
            String id,
            String bus,
            String addr,
            boolean multifunction,
            Map<String, String> extra) {
        DeviceRequest r = DeviceRequest.of(driver, category, hot).multifunction(multifunction);
        r = id == null ? r : r.withId(id);
        r = bus == null ? r : r.onBus(bus);
        r = addr == null ? r : r.at(addr);
        if ("off".equals(extra.get("hotplug"))) {
            r = r.hotplugEnabled(false);
        }
        if (category == DeviceCategory.PCIE_PORT) {
            r = r.inChassisSlot(new PciBus.ChassisSlot(
                    Integer.parseInt(extra.getOrDefault("chassis", "0")),
                    Integer.parseInt(extra.getOrDefault("slot", "0"))));
        }
        if (category.expander()) {
            r = r.withExpander(new DeviceRequest.Expander(
                    Integer.parseInt(extra.getOrDefault("bus_nr", "0")), DeviceRequest.Expander.NO_NUMA_NODE));
        }
        return new Dev(r, extra);
    }

    private static Dev hot(String driver, String id, String bus, String addr) {
        return dev(driver, DeviceCategory.ENDPOINT, true, id, bus, addr, false, Map.of());
    }

    private static final DeviceCategory E = DeviceCategory.ENDPOINT;

    static Stream<Scenario> scenarios() {
        return Stream.of(
                new Scenario(
                        "pc lowest free slots",
                        "pc",
                        List.of(),
                        List.of(hot("e1000", "n1", null, null), hot("rtl8139", "n2", null, null))),
                new Scenario(
                        "pc slot in use by implicit PIIX3", "pc", List.of(), List.of(hot("e1000", "n1", null, "1"))),
                new Scenario(
                        "pc slot in use by a device with id",
                        "pc",
                        List.of(),
                        List.of(hot("e1000", "n1", null, "0x4"), hot("rtl8139", "n2", "pci.0", "04.0"))),
                new Scenario(
                        "pc hotplug beside function 0",
                        "pc",
                        List.of(),
                        List.of(
                                dev("e1000", E, true, "a", null, "5", true, Map.of()),
                                hot("rtl8139", "b", null, "5.1"))),
                new Scenario(
                        "pc hotplug function 0 after function 2",
                        "pc",
                        List.of(),
                        List.of(hot("e1000", "a", null, "7.2"), hot("e1000", "b", null, "7"))),
                new Scenario(
                        "pc cold multifunction",
                        "pc",
                        List.of(
                                dev("e1000", E, false, "a", null, "6", true, Map.of()),
                                dev("rtl8139", E, false, "b", null, "6.1", false, Map.of())),
                        List.of(hot("e1000", "c", null, null))),
                new Scenario(
                        "pc bad addr, unknown bus, duplicate id",
                        "pc",
                        List.of(),
                        List.of(
                                hot("e1000", "a", null, "zz"),
                                hot("e1000", "a", null, "3.8"),
                                hot("e1000", "a", "nope", null),
                                hot("e1000", "a", null, null),
                                hot("e1000", "a", null, null))),
                new Scenario(
                        "pc pci-bridge by id",
                        "pc",
                        List.of(),
                        List.of(
                                dev(
                                        "pci-bridge",
                                        DeviceCategory.PCI_BRIDGE,
                                        true,
                                        "br",
                                        null,
                                        "9",
                                        false,
                                        Map.of("chassis_nr", "1")),
                                hot("e1000", "n1", "br", null),
                                hot("e1000", "n2", "br", "3"))),
                new Scenario("q35 device_add without bus", "q35", List.of(), List.of(hot("e1000e", "n1", null, null))),
                new Scenario(
                        "q35 root ports",
                        "q35",
                        List.of(
                                dev(
                                        "pcie-root-port",
                                        DeviceCategory.PCIE_PORT,
                                        false,
                                        "rp1",
                                        null,
                                        null,
                                        false,
                                        Map.of("chassis", "1")),
                                dev(
                                        "pcie-root-port",
                                        DeviceCategory.PCIE_PORT,
                                        false,
                                        "rp2",
                                        null,
                                        null,
                                        false,
                                        Map.of("chassis", "2", "hotplug", "off"))),
                        List.of(
                                hot("e1000e", "n1", "rp1", null),
                                hot("e1000e", "n2", "rp1", null),
                                hot("e1000e", "n3", "rp2", null))),
                new Scenario(
                        "pc pxb",
                        "pc",
                        List.of(
                                dev(
                                        "pxb",
                                        DeviceCategory.PXB,
                                        false,
                                        "pxb1",
                                        null,
                                        null,
                                        false,
                                        Map.of("bus_nr", "10")),
                                dev("e1000", E, false, "c1", "pxb1", null, false, Map.of()),
                                dev("rtl8139", E, false, "c2", "pxb1", null, false, Map.of())),
                        List.of(hot("e1000", "n1", "pxb1", null))),
                new Scenario(
                        "q35 pxb-pcie",
                        "q35",
                        List.of(dev(
                                "pxb-pcie",
                                DeviceCategory.PXB_PCIE,
                                false,
                                "px",
                                null,
                                null,
                                false,
                                Map.of("bus_nr", "20"))),
                        List.of(hot("e1000e", "n1", "px", null))),
                new Scenario(
                        "q35 pxb-pcie takes ports, device_add without bus meets it",
                        "q35",
                        List.of(
                                dev(
                                        "pxb-pcie",
                                        DeviceCategory.PXB_PCIE,
                                        false,
                                        "px",
                                        null,
                                        null,
                                        false,
                                        Map.of("bus_nr", "20")),
                                dev(
                                        "pcie-root-port",
                                        DeviceCategory.PCIE_PORT,
                                        false,
                                        "rp1",
                                        "px",
                                        null,
                                        false,
                                        Map.of("chassis", "1"))),
                        List.of(hot("e1000e", "n1", null, null), hot("e1000e", "n2", "rp1", null))),
                new Scenario(
                        "pc bridge behind pxb",
                        "pc",
                        List.of(
                                dev(
                                        "pxb",
                                        DeviceCategory.PXB,
                                        false,
                                        "pxb1",
                                        null,
                                        null,
                                        false,
                                        Map.of("bus_nr", "10")),
                                dev(
                                        "pci-bridge",
                                        DeviceCategory.PCI_BRIDGE,
                                        false,
                                        "br",
                                        "pxb1",
                                        null,
                                        false,
                                        Map.of("chassis_nr", "1")),
                                dev("e1000", E, false, "c1", "br", "2", false, Map.of())),
                        List.of(
                                hot("e1000", "n1", "br", null),
                                hot("e1000", "n2", "br", "3"),
                                hot("e1000", "n3", null, null))));
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void qemuAndModelAgree(Scenario scenario) throws Exception {
        assumeTrue(Files.isExecutable(QemuQmp.BINARY), "needs " + QemuQmp.BINARY + " (QEMU 7.2); skipped");
        PciTopology model = "q35".equals(scenario.machine()) ? PciTopology.q35() : PciTopology.i440fx();
        List<String> args = new ArrayList<>();
        for (Dev d : scenario.cold()) {
            args.add("-device");
            args.add(commandLine(d));
            model = PciPlacement.place(model, d.request()).topology();
        }
        try (QemuQmp qemu = new QemuQmp(scenario.machine(), args)) {
            for (Dev d : scenario.cold()) {
                assertEquals(expectedAddr(model, d), actualAddr(qemu, d), scenario + ": " + commandLine(d));
            }
            for (Dev d : scenario.hot()) {
                JsonNode reply = qemu.execute("device_add", arguments(d));
                String expected;
                try {
                    PciPlacement.Placed placed = PciPlacement.place(model, d.request());
                    model = placed.topology();
                    expected = "ok";
                } catch (PlacementException e) {
                    expected = e.getMessage();
                }
                String actual =
                        reply.has("error") ? reply.get("error").get("desc").asText() : "ok";
                assertEquals(expected, actual, scenario + ": device_add " + arguments(d));
                if ("ok".equals(actual)) {
                    assertEquals(expectedAddr(model, d), actualAddr(qemu, d), scenario + ": " + arguments(d));
                }
            }
        }
    }

    private static String expectedAddr(PciTopology model, Dev d) {
        PciDevice device = model.device(d.request().id().orElseThrow()).orElseThrow();
        return device.bus() + " " + device.devfn();
    }

    /** The device's devfn from qom-get, and its bus from the device's own parent_bus link path. */
    private static String actualAddr(QemuQmp qemu, Dev d) throws Exception {
        String path = "/machine/peripheral/" + d.request().id().orElseThrow();
        JsonNode addr = qemu.execute(
                "qom-get", JSON.createObjectNode().put("path", path).put("property", "addr"));
        JsonNode bus = qemu.execute(
                "qom-get", JSON.createObjectNode().put("path", path).put("property", "parent_bus"));
        String busPath = bus.path("return").asText();
        String busName = busPath.substring(busPath.lastIndexOf('/') + 1);
        return busName + " " + addr.path("return").asInt();
    }

    private static ObjectNode arguments(Dev d) {
        DeviceRequest r = d.request();
        ObjectNode a = JSON.createObjectNode().put("driver", r.driver());
        r.id().ifPresent(v -> a.put("id", v));
        r.bus().ifPresent(v -> a.put("bus", v));
        r.addr().ifPresent(v -> a.put("addr", v));
        if (r.multifunction()) {
            a.put("multifunction", true);
        }
        // JSON wants typed values where the command line takes text.
        d.extra().forEach((k, v) -> {
            if (v.matches("[0-9]+")) {
                a.put(k, Integer.parseInt(v));
            } else if (v.equals("on") || v.equals("off")) {
                a.put(k, v.equals("on"));
            } else {
                a.put(k, v);
            }
        });
        return a;
    }

    private static String commandLine(Dev d) {
        DeviceRequest r = d.request();
        StringBuilder s = new StringBuilder(r.driver());
        r.id().ifPresent(v -> s.append(",id=").append(v));
        r.bus().ifPresent(v -> s.append(",bus=").append(v));
        r.addr().ifPresent(v -> s.append(",addr=").append(v));
        if (r.multifunction()) {
            s.append(",multifunction=on");
        }
        d.extra().forEach((k, v) -> s.append(',').append(k).append('=').append(v));
        return s.toString();
    }
}
