package io.qapi.machine.qom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash-table order against orders QEMU 7.2 printed: {@code qom-list /machine/peripheral}
 * after three root ports on the command line and five devices hot-added (the capture in
 * {@code ../shared/qemu/real-7.2/out/devices/q35-rootports.transcript.txt}), which needs a
 * resize, and g_str_hash's values for a few names.
 */
class GHashTableOrderTest {

    @Test
    void strHashIsDjb2OverSignedBytes() {
        assertEquals(5381, GHashTableOrder.strHash(""));
        assertEquals(5381 * 33 + 'a', GHashTableOrder.strHash("a"));
        // "\u00e9" is 0xc3 0xa9 in UTF-8; glib reads each byte as a signed char
        assertEquals((5381 * 33 - 61) * 33 - 87, GHashTableOrder.strHash("\u00e9"));
    }

    @Test
    void peripheralOfQ35WithRootPortsAndHotAddedDevices() {
        GHashTableOrder table = new GHashTableOrder();
        for (String name : List.of("rp1", "rp2", "rp3", "vnet1", "vnet2", "nic2", "rp9", "br1")) {
            table.insert(name);
        }
        // qom-list printed: type, rp3, nic2, br1, vnet1, vnet2, rp1, rp2, rp9 (the reverse, after "type")
        assertEquals(List.of("rp9", "rp2", "rp1", "vnet2", "vnet1", "br1", "nic2", "rp3"), table.order());
    }

    @Test
    void aRemovedNameLeavesATombstoneAndACopyIsIndependent() {
        GHashTableOrder table = new GHashTableOrder();
        table.insert("a");
        GHashTableOrder copy = table.copy();
        table.insert("b");
        table.remove("a");
        assertEquals(List.of("b"), table.order());
        assertEquals(List.of("a"), copy.order());
        table.insert("b");
        assertEquals(List.of("b"), table.order());
    }
}
