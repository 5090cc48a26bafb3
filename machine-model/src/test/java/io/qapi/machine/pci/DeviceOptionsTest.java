package io.qapi.machine.pci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceOptionsTest {
    private static final Set<String> PXB_PROPERTIES = Set.of("bus_nr", "numa_node", "bypass_iommu", "addr");

    @Test
    void expandersAreTheirOwnCategory() {
        assertEquals(DeviceCategory.PXB, DeviceOptions.category("pxb"));
        assertEquals(DeviceCategory.PXB_PCIE, DeviceOptions.category("pxb-pcie"));
        assertEquals(false, DeviceCategory.PXB.isBridge());
    }

    @Test
    void anExpandersRequestCarriesItsBusNumberAndNumaNode() {
        DeviceRequest request = DeviceOptions.request("pxb", Map.of("id", "px1", "bus_nr", "0x10"), false);
        assertEquals(new DeviceRequest.Expander(16, DeviceRequest.Expander.NO_NUMA_NODE), request.expander());
        DeviceRequest onNode = DeviceOptions.request("pxb-pcie", Map.of("bus_nr", "4", "numa_node", "1"), false);
        assertEquals(new DeviceRequest.Expander(4, 1), onNode.expander());
    }

    @Test
    void busNumberAndNumaNodeAreKeptAsDecimalNumbers() throws Exception {
        assertEquals(
                Map.of("bus_nr", "16", "numa_node", "1"),
                DeviceOptions.check("pxb", Map.of("bus_nr", "0x10", "numa_node", "1"), PXB_PROPERTIES));
    }

    @Test
    void outOfRangeOrNotANumberIsRefusedAsQemuRefusesIt() {
        assertEquals("Parameter 'bus_nr' expects uint8_t", refusal(Map.of("bus_nr", "256")));
        assertEquals("Parameter 'bus_nr' expects integer", refusal(Map.of("bus_nr", "abc")));
        assertEquals("Parameter 'numa_node' expects uint16_t", refusal(Map.of("numa_node", "70000")));
        assertEquals(
                "Property 'pxb.bypass_iommu' is not modeled by qemu-model yet", refusal(Map.of("bypass_iommu", "on")));
    }

    private static String refusal(Map<String, String> options) {
        return assertThrows(PlacementException.class, () -> DeviceOptions.check("pxb", options, PXB_PROPERTIES))
                .getMessage();
    }
}
