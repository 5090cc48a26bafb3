package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.machine.pci.PciMachine;
import io.qapi.machine.vm.VirtualMachine;
import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PCI devices on aarch64's {@code virt}: its PCIe root complex (from the {@code gpex-pcihost}
 * host bridge) is a family of its own, and {@code device_del} of a device hot-added behind a root
 * port that was empty at reset removes it at once (its slot is powered off), where {@code q35}
 * keeps it until a guest answers.
 */
class VirtPciMachineTest {
    private static final Set<String> RNG = Set.of("addr");

    private static VirtualMachine machine(String... args) throws CommandLineException {
        return Launch.from(CommandLine.parse(List.of(args))).machine();
    }

    private static VirtualMachine virt(String... devices) throws CommandLineException {
        List<String> args = new ArrayList<>(List.of("-target", "aarch64", "-machine", "virt", "-nodefaults", "-S"));
        args.addAll(List.of(devices));
        return machine(args.toArray(String[]::new));
    }

    @Test
    void virtsRootComplexIsAFamilyOfItsOwnAndTakesNoHotplug() throws Exception {
        PciMachine virt = virt().pci().orElseThrow();
        assertEquals("virt", virt.family());
        assertEquals("pcie.0", virt.topology().rootBus().name());
        assertFalse(virt.topology().rootBus().hotpluggable());
        assertEquals(
                "q35",
                machine("-machine", "q35", "-nodefaults", "-S")
                        .pci()
                        .orElseThrow()
                        .family());
        QmpError refused = assertThrows(
                QmpError.class,
                () -> virt("-device", "pcie-root-port,id=rp1,chassis=1")
                        .addPciDevice("virtio-rng-pci", Map.of("id", "r"), RNG, true));
        assertEquals("Bus 'pcie.0' does not support hotplugging", refused.desc());
    }

    @Test
    void aDeviceHotAddedBehindAnEmptyPortIsGoneAtOnce() throws Exception {
        VirtualMachine vm = virt(
                "-device",
                "pcie-root-port,id=rp1,chassis=1",
                "-device",
                "pcie-root-port,id=rp2,chassis=2",
                "-device",
                "virtio-rng-pci,id=cold,bus=rp2");
        vm.addPciDevice("virtio-rng-pci", Map.of("id", "hot", "bus", "rp1"), RNG, true);
        vm.deletePciDevice("hot");
        vm.deletePciDevice("cold");
        assertTrue(vm.pci().orElseThrow().addedWithId("hot").isEmpty());
        assertFalse(vm.addedDevices().containsKey("/machine/peripheral/hot"));
        assertFalse(vm.peripheralChildren("/machine/peripheral").contains("hot"));
        // rp2 had a device at reset: its slot is on, and the guest is asked (and never answers)
        assertTrue(vm.pci().orElseThrow().addedWithId("cold").isPresent());
        QmpError gone = assertThrows(QmpError.class, () -> vm.deletePciDevice("hot"));
        assertEquals("Device 'hot' not found", gone.desc());
        // the slot is free again
        vm.addPciDevice("virtio-rng-pci", Map.of("id", "again", "bus", "rp1"), RNG, true);
        assertEquals(
                0,
                vm.pci()
                        .orElseThrow()
                        .addedWithId("again")
                        .orElseThrow()
                        .device()
                        .slot());
    }

    @Test
    void q35KeepsAHotAddedDeviceUntilAGuestAnswers() throws Exception {
        VirtualMachine vm =
                machine("-machine", "q35", "-nodefaults", "-S", "-device", "pcie-root-port,id=rp1,chassis=1");
        vm.addPciDevice("virtio-rng-pci", Map.of("id", "hot", "bus", "rp1"), RNG, true);
        vm.deletePciDevice("hot");
        assertTrue(vm.pci().orElseThrow().addedWithId("hot").isPresent());
    }

    @Test
    void anUnplugThatWouldReleaseABackEndIsRefusedAndChangesNothing() throws Exception {
        VirtualMachine vm =
                virt("-device", "pcie-root-port,id=rp1,chassis=1", "-blockdev", "driver=null-co,node-name=n0");
        vm.addPciDevice("virtio-blk-pci", Map.of("id", "disk", "bus", "rp1", "drive", "n0"), Set.of("drive"), true);
        PciMachine before = vm.pci().orElseThrow();
        QmpError refused = assertThrows(QmpError.class, () -> vm.deletePciDevice("disk"));
        assertEquals("device_del of 'disk' is not modeled by qemu-model yet", refused.desc());
        assertEquals(before, vm.pci().orElseThrow());
        assertTrue(vm.addedDevices().containsKey("/machine/peripheral/disk"));
    }
}
