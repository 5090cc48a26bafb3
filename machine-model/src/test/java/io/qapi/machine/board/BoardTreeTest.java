package io.qapi.machine.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.hardware.BusDescription;
import io.qapi.schema.hardware.DeviceDescription;
import io.qapi.schema.hardware.HardwareDescription;
import io.qapi.schema.hardware.MachineFacts;
import io.qapi.schema.hardware.RootBusKind;
import io.qapi.schema.hardware.StorageControllerKind;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The described boards against the independent captures of the same binaries under
 * {@code ../shared/qemu/real-7.2/out/machines} (their QOM walks: each device's type and bus), the
 * facts against what is known of QEMU 7.2's boards, and bad requests.
 */
class BoardTreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MachinePack X86 = MachinePack.builtin("x86_64-7.2");
    private static final MachinePack ARM = MachinePack.builtin("aarch64-7.2");

    private static Path machines() {
        return SharedQemu.path("real-7.2/out/machines");
    }

    /** "path type bus" of every device of a walk captured by the independent tool. */
    private static Set<String> independent(Path walk) throws IOException {
        Set<String> devices = new TreeSet<>();
        for (JsonNode object : JSON.readTree(walk.toFile())) {
            if (object.path("links").has("parent_bus")) {
                devices.add(
                        object.path("path").asText() + " " + object.path("type").asText() + " "
                                + object.path("links").path("parent_bus").asText());
            }
        }
        return devices;
    }

    /** The same of a description: every device on a bus with the bus's path. */
    private static Set<String> described(HardwareDescription board) {
        Set<String> devices = new TreeSet<>();
        collect(board.root(), devices);
        board.unattached().forEach(d -> devices.add(d.path() + " " + d.type() + " "));
        return devices;
    }

    private static void collect(BusDescription bus, Set<String> into) {
        for (DeviceDescription d : bus.devices()) {
            into.add(d.path() + " " + d.type() + " " + bus.path());
            d.buses().forEach(b -> collect(b, into));
        }
    }

    @Test
    void boardsEqualTheIndependentCapturesOfTheSameTypes() throws IOException {
        Path machines = machines();
        String[][] cases = {
            {"q35", "q35", "x"},
            {"q35.defaults", "q35", "x"},
            {"pc", "pc", "x"},
            {"pc.defaults", "pc", "x"},
            {"isapc", "isapc", "x"},
            {"microvm", "microvm", "x"},
            {"pc-i440fx-2.0", "pc-i440fx-2.0", "x"},
            {"pc-q35-2.10.defaults", "pc-q35-2.10", "x"},
            {"aarch64-virt", "virt", "a"},
            {"aarch64-virt.defaults", "virt", "a"}
        };
        for (String[] c : cases) {
            MachineTypeDescriber describer = new MachineTypeDescriber(c[2].equals("x") ? X86 : ARM);
            HardwareDescription board = describer.describe(c[1], Optional.empty(), c[0].endsWith(".defaults"));
            assertEquals(independent(machines.resolve(c[0]).resolve("qom-walk.json")), described(board), c[0]);
        }
    }

    private static MachineFacts facts(MachinePack pack, String type) {
        return new MachineTypeDescriber(pack)
                .describe(type, Optional.empty(), false)
                .facts();
    }

    @Test
    void factsAreWhatManagementSoftwareKnowsOfTheseBoards() {
        MachineFacts pc = facts(X86, "pc");
        assertEquals(RootBusKind.PCI, pc.rootBus());
        assertEquals(StorageControllerKind.IDE, pc.storageController());
        assertTrue(pc.floppyController() && !pc.floppyNeedsDevice() && pc.vmport() && pc.pciMultiBus());
        assertEquals(Optional.of("e1000"), pc.defaultNic());
        assertEquals(Optional.of("VGA"), pc.defaultDisplay());
        MachineFacts q35 = facts(X86, "q35");
        assertEquals(RootBusKind.PCIE, q35.rootBus());
        assertEquals(StorageControllerKind.AHCI, q35.storageController());
        assertTrue(!q35.floppyController() && q35.floppyNeedsDevice());
        assertEquals(Optional.of("e1000e"), q35.defaultNic());
        // before 2.12, Q35's default NIC was still e1000; before 2.0, i440FX's display was Cirrus
        assertEquals(Optional.of("e1000"), facts(X86, "pc-q35-2.11").defaultNic());
        assertEquals(Optional.of("cirrus-vga"), facts(X86, "pc-i440fx-1.7").defaultDisplay());
        MachineFacts isapc = facts(X86, "isapc");
        assertEquals(RootBusKind.NONE, isapc.rootBus());
        assertTrue(isapc.floppyController() && !isapc.pciMultiBus());
        MachineFacts virt = facts(ARM, "virt");
        assertEquals(RootBusKind.PCIE, virt.rootBus());
        assertEquals(StorageControllerKind.NONE, virt.storageController());
        assertTrue(!virt.floppyController() && !virt.floppyNeedsDevice() && !virt.vmport());
        assertEquals(Optional.of("virtio-net-pci"), virt.defaultNic());
    }

    private static HardwareDescription switched(String type, boolean defaults, String... options) {
        var props = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < options.length; i += 2) {
            props.put(options[i], options[i + 1]);
        }
        return new MachineTypeDescriber(X86).describe(type, Optional.of(props), defaults);
    }

    /** Type and PCI address ("1d.7") of every device on the board with one. */
    private static Set<String> pciFunctions(HardwareDescription board) {
        Set<String> functions = new TreeSet<>();
        MachineFactsRules.devices(board.root())
                .forEach(d ->
                        d.address().filter(a -> a.contains(".")).ifPresent(a -> functions.add(d.type() + "@" + a)));
        return functions;
    }

    @Test
    void switchesChangeTheBoardAsQemuDoes() {
        // the ICH9 USB functions sit in slot 0x1d of Q35, the PIIX3 UHCI is function 2 of the i440FX's ISA bridge
        assertTrue(pciFunctions(switched("q35", false, "usb", "on"))
                .containsAll(Set.of(
                        "ich9-usb-ehci1@1d.7", "ich9-usb-uhci1@1d.0", "ich9-usb-uhci2@1d.1", "ich9-usb-uhci3@1d.2")));
        assertTrue(pciFunctions(switched("pc", false, "usb", "yes")).contains("piix3-usb-uhci@01.2"));
        // a value that is the type's own changes nothing
        assertEquals(pciFunctions(switched("q35", true)), pciFunctions(switched("q35", true, "usb", "off")));
        // switches that change nothing compose with one that does
        assertEquals(
                pciFunctions(switched("q35", true, "sata", "off")),
                pciFunctions(switched("q35", true, "dump-guest-core", "off", "sata", "off", "mem-merge", "off")));
        MachineFacts noSata = switched("q35", false, "sata", "off").facts();
        assertEquals(StorageControllerKind.NONE, noSata.storageController());
        assertEquals(Optional.of("e1000e"), noSata.defaultNic());
        assertTrue(!switched("pc", false, "vmport", "off").facts().vmport());
        assertTrue(switched("pc", false).facts().vmport());
    }

    @Test
    void descriptionsAreServedFromMemoryAndBadRequestsAreRefused() {
        MachineTypeDescriber describer = new MachineTypeDescriber(X86);
        HardwareDescription first = describer.describe("q35", Optional.empty(), true);
        assertSame(first, describer.describe("pc-q35-7.2", Optional.empty(), true), "the alias and the name");
        assertEquals("pc-q35-7.2", first.machine().type());
        assertEquals(
                "unsupported machine type 'q99'",
                assertThrows(QmpError.class, () -> describer.describe("q99", Optional.empty(), false))
                        .desc());
        var unknown = JsonNodeFactory.instance.objectNode().put("usb", true).put("foo", "bar");
        assertEquals(
                "Property 'pc-q35-7.2-machine.foo' not found",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(unknown), false))
                        .desc());
        var notABoolean = JsonNodeFactory.instance.objectNode().put("usb", "maybe");
        assertEquals(
                "Parameter 'usb' expects 'on' or 'off'",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(notABoolean), false))
                        .desc());
        var notOnOffAuto = JsonNodeFactory.instance.objectNode().put("acpi", "maybe");
        assertEquals(
                "Parameter 'acpi' does not accept value 'maybe'",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(notOnOffAuto), false))
                        .desc());
        var notASwitch = JsonNodeFactory.instance.objectNode().put("memory-backend", "ram0");
        assertTrue(assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(notASwitch), false))
                .desc()
                .contains("machine option 'memory-backend' (link<memory-backend>) is not modeled yet"));
        // QEMU reads '_' as '-' in option names, and hands kernel-irqchip to the accelerator
        var underscores = JsonNodeFactory.instance.objectNode().put("mem_merge", "bogus");
        assertEquals(
                "Parameter 'mem-merge' expects 'on' or 'off'",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(underscores), false))
                        .desc());
        var unknownUnderscores = JsonNodeFactory.instance.objectNode().put("foo_bar", "1");
        assertEquals(
                "Property 'pc-q35-7.2-machine.foo-bar' not found",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(unknownUnderscores), false))
                        .desc());
        var accelerator = JsonNodeFactory.instance
                .objectNode()
                .put("kernel_irqchip", "split")
                .put("dump_guest_core", "off");
        assertEquals(
                describer.describe("q35", Optional.empty(), false).root(),
                describer.describe("q35", Optional.of(accelerator), false).root());
        var bothChangeTheBoard =
                JsonNodeFactory.instance.objectNode().put("usb", "on").put("smbus", "off");
        assertEquals(
                "query-machine-type: machine options usb=on and smbus=off each change the board's hardware, "
                        + "and the capture records each switch alone",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(bothChangeTheBoard), false))
                        .desc());
        var notAnObject = JsonNodeFactory.instance.numberNode(1);
        assertEquals(
                "Parameter 'props' expects an object of machine options",
                assertThrows(QmpError.class, () -> describer.describe("q35", Optional.of(notAnObject), false))
                        .desc());
        MachineTypeDescriber arm = new MachineTypeDescriber(ARM);
        assertTrue(assertThrows(QmpError.class, () -> arm.describe("raspi3b", Optional.empty(), false))
                .desc()
                .contains("is not described in this data pack"));
    }
}
