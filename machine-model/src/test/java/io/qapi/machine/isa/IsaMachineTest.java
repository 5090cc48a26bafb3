package io.qapi.machine.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.machine.chardev.Chardev;
import io.qapi.machine.chardev.Chardevs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ISA rules as measured on QEMU 7.2 (each case's command line and QEMU's answer in the test). */
class IsaMachineTest {
    private static final Set<String> SERIAL_PROPERTIES =
            Set.of("baudbase", "chardev", "index", "iobase", "irq", "serial", "wakeup");
    private static final Set<String> FDC_PROPERTIES =
            Set.of("bootindexA", "bootindexB", "dma", "fallback", "fdtypeA", "fdtypeB", "iobase", "irq");

    /** pc's ISA bus, as its captured hardware has it: DMA controllers, no serial port (-nodefaults). */
    private static IsaMachine pc() throws Exception {
        JsonNode hardware = new ObjectMapper().readTree("""
                {"devices": [
                  {"path": "/machine/unattached/device[3]", "type": "PIIX3", "bus": "/machine/i440fx/pci.0"},
                  {"path": "/machine/unattached/device[4]", "type": "i8257", "bus": "/machine/unattached/device[3]/isa.0"}],
                 "buses": [
                  {"path": "/machine/i440fx/pci.0", "type": "PCI", "hotpluggable": true, "devices": []},
                  {"path": "/machine/unattached/device[3]/isa.0", "type": "ISA", "hotpluggable": false, "devices": []}]}
                """);
        return IsaMachine.of(hardware).orElseThrow();
    }

    private static Map<String, String> options(String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return options;
    }

    private static IsaMachine serial(IsaMachine machine, String path, String... keyValues) throws IsaException {
        return machine.with(
                IsaRules.SERIAL, path, Optional.empty(), options(keyValues), SERIAL_PROPERTIES, new Chardevs());
    }

    @Test
    void theBusIsTheBoardsIsaBus() throws Exception {
        IsaMachine machine = pc();
        assertEquals("isa.0", machine.busName());
        assertEquals("/machine/unattached/device[3]/isa.0", machine.busPath());
        assertEquals(0, machine.serialPorts());
        assertTrue(machine.dma());
        assertEquals(Optional.empty(), IsaMachine.of(new ObjectMapper().readTree("{\"buses\": []}")));
    }

    @Test
    void serialPortsTakeTheNextIndexWithItsIobaseAndIrq() throws Exception {
        // -device isa-serial -device isa-serial: index 0 at 0x3f8 irq 4, index 1 at 0x2f8 irq 3
        IsaMachine machine = serial(serial(pc(), "/a"), "/b");
        assertEquals(
                Map.of("index", 0L, "iobase", 0x3f8L, "irq", 4L),
                machine.added("/a").orElseThrow().values());
        assertEquals(
                Map.of("index", 1L, "iobase", 0x2f8L, "irq", 3L),
                machine.added("/b").orElseThrow().values());
    }

    @Test
    void anIndexGivenStillCountsAndIsNotCheckedForClashes() throws Exception {
        // -device isa-serial,index=3 -device isa-serial: 3 at 0x2e8, then 1 (QEMU counts ports made)
        IsaMachine machine = serial(serial(pc(), "/a", "index", "3"), "/b");
        assertEquals(
                Map.of("index", 3L, "iobase", 0x2e8L, "irq", 3L),
                machine.added("/a").orElseThrow().values());
        assertEquals(1L, machine.added("/b").orElseThrow().values().get("index"));
        // index=1 twice: both are index 1 at 0x2f8
        IsaMachine twice = serial(serial(pc(), "/a", "index", "1"), "/b", "index", "1");
        assertEquals(
                twice.added("/a").orElseThrow().values(),
                twice.added("/b").orElseThrow().values());
    }

    @Test
    void givenIobaseAndIrqWin() throws Exception {
        // -device isa-serial,iobase=0x3f8,irq=5 and iobase=010 (octal)
        assertEquals(
                Map.of("index", 0L, "iobase", 0x3f8L, "irq", 5L),
                serial(pc(), "/a", "iobase", "0x3f8", "irq", "5")
                        .added("/a")
                        .orElseThrow()
                        .values());
        assertEquals(
                8L,
                serial(pc(), "/a", "iobase", "010").added("/a").orElseThrow().iobase());
    }

    @Test
    void atMostFourSerialPorts() throws Exception {
        IsaMachine machine = pc();
        for (int i = 0; i < 4; i++) {
            machine = serial(machine, "/" + i);
        }
        IsaMachine four = machine;
        assertEquals(
                "Max. supported number of ISA serial ports is 4.",
                assertThrows(IsaException.class, () -> serial(four, "/5")).getMessage());
        assertEquals(
                "Max. supported number of ISA serial ports is 4.",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "index", "4"))
                        .getMessage());
    }

    @Test
    void propertiesAreCheckedInTheOrderGiven() {
        assertEquals(
                "Property 'isa-serial.foo' not found",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "foo", "1"))
                        .getMessage());
        assertEquals(
                "Property 'isa-serial.baudbase' is not modeled by qemu-model yet",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "baudbase", "9600"))
                        .getMessage());
        assertEquals(
                "Parameter 'index' expects integer",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "index", "x"))
                        .getMessage());
        assertEquals(
                "Parameter 'iobase' expects uint32_t",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "iobase", "-1"))
                        .getMessage());
        assertEquals(
                "Parameter 'iobase' expects uint32_t",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "iobase", "99999999999"))
                        .getMessage());
        // the chardev is looked at before the index is checked
        assertEquals(
                "Property 'serial.chardev' can't find value 'nope'",
                assertThrows(IsaException.class, () -> serial(pc(), "/a", "index", "9", "chardev", "nope"))
                        .getMessage());
    }

    @Test
    void aCharacterDeviceTakesOneFrontEnd() throws Exception {
        Chardevs chardevs = new Chardevs();
        chardevs.add(new Chardev("c0", "chardev-null", "null", false, Optional.empty(), Optional.empty()));
        IsaMachine machine = pc().with(
                        IsaRules.SERIAL, "/a", Optional.of("a"), options("chardev", "c0"), SERIAL_PROPERTIES, chardevs);
        assertEquals("c0", machine.added("/a").orElseThrow().chardev());
        chardevs.openFrontEnd("c0");
        assertEquals(
                "Property 'serial.chardev' can't take value 'c0': Device 'c0' is in use",
                assertThrows(
                                IsaException.class,
                                () -> machine.with(
                                        IsaRules.SERIAL,
                                        "/b",
                                        Optional.empty(),
                                        options("chardev", "c0"),
                                        SERIAL_PROPERTIES,
                                        chardevs))
                        .getMessage());
    }

    @Test
    void floppyControllersTakeTheirDefaultsAndNeedDma() throws Exception {
        IsaMachine machine = pc().with(
                        IsaRules.FLOPPY_CONTROLLER,
                        "/f",
                        Optional.of("f"),
                        options("irq", "7"),
                        FDC_PROPERTIES,
                        new Chardevs());
        IsaDevice fdc = machine.added("/f").orElseThrow();
        assertEquals(Map.of("iobase", 0x3f0L, "irq", 7L, "dma", 2L), fdc.values());
        assertEquals(Optional.of("f.0"), fdc.childBus());
        assertEquals(0, machine.serialPorts());
        // microvm's ISA bus has no DMA controller
        IsaMachine noDma = new IsaMachine("isa.0", "/isa.0", 0, false, List.of());
        assertEquals(
                "ISA controller does not support DMA",
                assertThrows(
                                IsaException.class,
                                () -> noDma.with(
                                        IsaRules.FLOPPY_CONTROLLER,
                                        "/f",
                                        Optional.empty(),
                                        Map.of(),
                                        FDC_PROPERTIES,
                                        new Chardevs()))
                        .getMessage());
        assertEquals(
                "Property 'isa-fdc.fdtypeA' is not modeled by qemu-model yet",
                assertThrows(
                                IsaException.class,
                                () -> pc().with(
                                                IsaRules.FLOPPY_CONTROLLER,
                                                "/f",
                                                Optional.empty(),
                                                options("fdtypeA", "144"),
                                                FDC_PROPERTIES,
                                                new Chardevs()))
                        .getMessage());
        assertFalse(
                pc().with(IsaRules.FLOPPY_CONTROLLER, "/f", Optional.empty(), Map.of(), FDC_PROPERTIES, new Chardevs())
                        .added("/f")
                        .orElseThrow()
                        .childBus()
                        .isEmpty());
    }
}
