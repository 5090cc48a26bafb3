package io.qapi.machine.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.machine.pack.DefaultDeviceClass;
import io.qapi.machine.pack.MachinePack;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * QEMU 7.2's drivers that turn a class of default devices off, the pack's keys for them, and the
 * boards without them as the built-in pack composes them (facts measured on the binary: with
 * {@code -device VGA} pc's default NIC takes slot 2; with {@code -device isa-serial} pc has no
 * serial port of its own).
 */
class DefaultDevicesTest {
    private static final MachinePack X86 = MachinePack.builtin("x86_64-7.2");

    @Test
    void driversTurnTheirClassOff() {
        assertEquals(
                EnumSet.of(DefaultDeviceClass.SERIAL, DefaultDeviceClass.VGA),
                DefaultDevices.turnedOffBy(List.of("e1000", "isa-serial", "virtio-vga", "VGA")));
        assertEquals(EnumSet.of(DefaultDeviceClass.FLOPPY), DefaultDevices.turnedOffBy(List.of("floppy")));
        // QEMU matches the name exactly; a NIC turns nothing off
        assertEquals(Set.of(), DefaultDevices.turnedOffBy(List.of("vga", "e1000", "virtio-gpu-pci")));
    }

    @Test
    void combinationsAreKeyedInOneOrder() {
        assertEquals(
                "serial+vga", DefaultDeviceClass.key(EnumSet.of(DefaultDeviceClass.VGA, DefaultDeviceClass.SERIAL)));
        assertEquals(15, DefaultDeviceClass.combinations().size());
        assertEquals(
                Set.of(DefaultDeviceClass.values()).size(),
                DefaultDeviceClass.combinations().get(14).size());
    }

    private static List<String> types(SwitchedBoard board) {
        List<String> types = new ArrayList<>();
        board.part("hardware")
                .orElseThrow()
                .path("devices")
                .forEach(d -> types.add(d.path("type").asText()));
        return types;
    }

    @Test
    void withoutTheDefaultVgaTheNicTakesItsSlot() {
        SwitchedBoard board =
                SwitchedBoard.of(X86, "pc-i440fx-7.2", Map.of(), true, EnumSet.of(DefaultDeviceClass.VGA));
        List<Integer> classesInSlot2 = new ArrayList<>();
        for (JsonNode device :
                board.part("query-pci").orElseThrow().path("return").path(0).path("devices")) {
            if (device.path("slot").asInt() == 2) {
                classesInSlot2.add(device.path("class_info").path("class").asInt());
            }
        }
        assertEquals(List.of(0x0200), classesInSlot2);
        assertFalse(types(board).contains("VGA"));
        assertTrue(types(SwitchedBoard.of(X86, "pc-i440fx-7.2", Map.of(), true)).contains("VGA"));
    }

    @Test
    void withoutTheDefaultSerialPortTheBoardHasNone() {
        SwitchedBoard board =
                SwitchedBoard.of(X86, "pc-i440fx-7.2", Map.of(), true, EnumSet.of(DefaultDeviceClass.SERIAL));
        assertFalse(types(board).contains("isa-serial"));
        assertTrue(types(board).contains("isa-parallel"));
        assertEquals(EnumSet.of(DefaultDeviceClass.SERIAL), board.turnedOff());
    }

    @Test
    void withoutDefaultsThereIsNothingToLeaveOut() {
        SwitchedBoard board = SwitchedBoard.of(X86, "pc-q35-7.2", Map.of(), false, EnumSet.of(DefaultDeviceClass.VGA));
        assertEquals(Set.of(), board.turnedOff());
        assertEquals(
                X86.board("pc-q35-7.2", false).orElseThrow().path("hardware"),
                board.part("hardware").orElseThrow());
    }

    @Test
    void aSwitchThatAlsoRenumbersLeavesTheHardwareUnknown() {
        SwitchedBoard board =
                SwitchedBoard.of(X86, "pc-q35-7.2", Map.of("usb", "on"), true, EnumSet.of(DefaultDeviceClass.VGA));
        assertTrue(board.part("hardware").isEmpty());
        assertEquals(
                "usb=on and the default devices left out (vga) each change the board's hardware, and the "
                        + "capture records each switch alone",
                board.whyUnknown("hardware"));
    }

    @Test
    void everyDescribedTypeHasEveryCombination() {
        for (String type : List.of("pc-i440fx-7.2", "pc-i440fx-1.4", "pc-q35-7.2", "pc-q35-2.4", "isapc", "microvm")) {
            for (Set<DefaultDeviceClass> classes : DefaultDeviceClass.combinations()) {
                assertTrue(X86.suppressionBoard(type, classes).isPresent(), type + " " + classes);
            }
        }
    }
}
