package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.pci.PciDevice;
import io.qapi.machine.pci.PciMachine;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * PCI devices on a machine: a refused device_add changes nothing (no device, no QOM path, no
 * address taken), and 64 clients adding at once leave one consistent machine: every slot of pc's
 * root bus used once, every other request refused with QEMU's "no slot" text.
 */
class PciDevicesMachineTest {
    private static final Set<String> E1000 = Set.of("mac", "addr", "multifunction");

    private static VirtualMachine pc() throws CommandLineException {
        return Launch.from(CommandLine.parse(List.of("-machine", "pc", "-nodefaults", "-S")))
                .machine();
    }

    @Test
    void aRefusedDeviceChangesNothing() throws Exception {
        VirtualMachine vm = pc();
        vm.addPciDevice("e1000", Map.of("id", "a", "addr", "0x5"), E1000, true);
        PciMachine before = vm.pci().orElseThrow();
        Map<String, String> addedBefore = vm.addedDevices();
        QmpError clash = assertThrows(
                QmpError.class, () -> vm.addPciDevice("e1000", Map.of("id", "b", "addr", "0x5"), E1000, true));
        assertEquals("PCI: slot 5 function 0 not available for e1000, in use by e1000,id=a", clash.desc());
        QmpError mac = assertThrows(
                QmpError.class, () -> vm.addPciDevice("e1000", Map.of("id", "c", "mac", "52:54"), E1000, true));
        assertEquals("Property 'e1000.mac' doesn't take value '52:54'", mac.desc());
        assertEquals(before, vm.pci().orElseThrow());
        assertEquals(addedBefore, vm.addedDevices());
    }

    @Test
    void aRefusedDiskChangesNothingButItsAnonymousNumber() throws Exception {
        VirtualMachine vm = Launch.from(CommandLine.parse(List.of(
                        "-machine",
                        "pc",
                        "-nodefaults",
                        "-S",
                        "-blockdev",
                        "driver=null-co,node-name=n0",
                        "-device",
                        "virtio-blk-pci,drive=n0,id=a")))
                .machine();
        Set<String> disk = Set.of("drive", "addr");
        PciMachine before = vm.pci().orElseThrow();
        QmpError conflict = assertThrows(
                QmpError.class, () -> vm.addPciDevice("virtio-blk-pci", Map.of("drive", "n0"), disk, true));
        assertTrue(conflict.desc().startsWith("Permission conflict on node 'n0'"), conflict.desc());
        assertTrue(conflict.desc().contains("'/machine/peripheral-anon/device[0]/virtio-backend'"), conflict.desc());
        assertEquals(before, vm.pci().orElseThrow());
        assertEquals(1, vm.blocks().attachments().size());
        QmpError inUse = assertThrows(QmpError.class, () -> vm.deleteBlockNode("n0"));
        assertEquals("Node n0 is in use", inUse.desc());
        assertEquals(1, vm.blocks().nodes().size());
    }

    @Test
    void concurrentAddsLeaveOneConsistentMachine() throws Exception {
        VirtualMachine vm = pc();
        int clients = 64;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String id = "n" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        vm.addPciDevice("e1000", Map.of("id", id), E1000, true);
                    } catch (QmpError e) {
                        refusals.add(e.desc());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<PciMachine.AddedDevice> added = vm.pci().orElseThrow().added();
        // pc without defaults: slot 0 is the host bridge, slot 1 the PIIX3 functions; 30 are free
        assertEquals(30, added.size());
        Set<Integer> slots = new HashSet<>();
        Set<String> macs = new HashSet<>();
        for (PciMachine.AddedDevice device : added) {
            PciDevice pci = device.device();
            assertTrue(slots.add(pci.slot()), "slot used twice: " + pci.slot());
            assertTrue(macs.add(device.properties().get("mac")), "MAC given twice: " + device.properties());
        }
        assertEquals(clients - 30, refusals.size());
        refusals.forEach(r -> assertEquals("PCI: no slot/function available for e1000, all in use or reserved", r));
        assertEquals(30, vm.addedDevices().size());
    }
}
