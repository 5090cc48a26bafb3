package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The type commands answered from the built-in packs: compared with the independent captures of the
 * same binaries in {@code ../shared/qemu/real-7.2/out}, and QEMU 7.2's errors and module loading
 * (the texts and classes as the binary gives them, recorded there and in the differential suite).
 */
class TypeQueriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeCatalog X86 = MachinePack.builtin("x86_64-7.2").types();

    private static Path realOut() {
        return SharedQemu.path("real-7.2/out/x86-none");
    }

    private static JsonNode reply(TypeQueries.Answer answer) {
        return answer.qmpReply().orElseThrow();
    }

    /** The names of a qom-list-types reply, as a set: QEMU lists them in its hash table's order. */
    private static Set<String> names(JsonNode reply) {
        Set<String> names = new HashSet<>();
        reply.path("return").forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    /**
     * The names of an independent capture's listing, less the one type its host had and the pack's
     * did not: {@code virtio-gpu-gl-device} lives in a module Debian packages apart, which was
     * installed there; without it QEMU 7.2 aborts on the GL devices that need it, as the pack records.
     */
    private static Set<String> capturedNames(Path file) throws IOException {
        Set<String> names = names(JSON.readTree(file.toFile()));
        names.remove(GL_DEVICE);
        return names;
    }

    private static final String GL_DEVICE = "virtio-gpu-gl-device";

    @Test
    void typeListsEqualAnIndependentCapture() throws IOException {
        Path out = realOut();
        TypeQueries queries = new TypeQueries(X86);
        assertTrue(X86.abort("device-list-properties", "virtio-gpu-gl-pci")
                .orElseThrow()
                .message()
                .contains("missing object type '" + GL_DEVICE + "'"));
        assertEquals(
                capturedNames(out.resolve("qom-list-types.json")),
                names(reply(queries.qomListTypes(Optional.empty(), false))));
        assertEquals(
                capturedNames(out.resolve("qom-list-types.abstract.json")),
                names(reply(queries.qomListTypes(Optional.empty(), true))));
        for (String implemented : List.of("device", "machine", "pci-device")) {
            assertEquals(
                    capturedNames(out.resolve("qom-list-types.implements-" + implemented + ".json")),
                    names(reply(queries.qomListTypes(Optional.of(implemented), false))),
                    implemented);
        }
    }

    @Test
    void propertyListsEqualAnIndependentCapture() throws IOException {
        Path out = realOut();
        TypeQueries queries = new TypeQueries(X86);
        for (String device :
                List.of("e1000", "ide-hd", "isa-fdc", "pcie-root-port", "qemu64-x86_64-cpu", "virtio-net-pci")) {
            JsonNode expected = JSON.readTree(
                    out.resolve("device-list-properties." + device + ".json").toFile());
            assertEquals(expected, reply(queries.deviceListProperties(device)), device);
        }
        for (String type : List.of("memory-backend-file", "memory-backend-ram", "pc-q35-7.2-machine")) {
            JsonNode expected = JSON.readTree(
                    out.resolve("qom-list-properties." + type + ".json").toFile());
            assertEquals(expected, reply(queries.qomListProperties(type)), type);
        }
    }

    @Test
    void refusalsCarryQemusClassesAndTexts() {
        TypeQueries queries = new TypeQueries(X86);
        assertEquals(
                new TypeQueries.Failure("DeviceNotFound", "Device 'nosuchdev' not found"),
                queries.deviceListProperties("nosuchdev"));
        assertEquals(
                new TypeQueries.Failure("GenericError", "Parameter 'typename' expects a non-abstract device type"),
                queries.deviceListProperties("pci-device"));
        assertEquals(
                new TypeQueries.Failure("GenericError", "Parameter 'typename' expects a non-abstract device type"),
                queries.deviceListProperties("memory-backend-ram"));
        assertEquals(
                new TypeQueries.Failure("DeviceNotFound", "Class 'nosuch' not found"),
                queries.qomListProperties("nosuch"));
        assertEquals(
                new TypeQueries.Failure("GenericError", "Parameter 'typename' expects a QOM type"),
                queries.qomListProperties("user-creatable"));
        assertInstanceOf(TypeQueries.Reply.class, queries.qomListProperties("device"));
    }

    @Test
    void moduleTypesAppearOnlyOnceTheirModuleIsLoaded() {
        TypeQueries queries = new TypeQueries(X86);
        assertEquals(
                new TypeQueries.Failure("DeviceNotFound", "Class 'pci-qxl' not found"),
                queries.qomListProperties("pci-qxl"));
        assertInstanceOf(TypeQueries.Reply.class, queries.deviceListProperties("qxl-vga"));
        assertInstanceOf(TypeQueries.Reply.class, queries.qomListProperties("pci-qxl"));
        assertEquals(
                new TypeQueries.Failure("DeviceNotFound", "Class 'usb-host' not found"),
                queries.qomListProperties("usb-host"));
        queries.qomListTypes(Optional.of("no-such-type"), false);
        assertInstanceOf(TypeQueries.Reply.class, queries.qomListProperties("usb-host"));
    }

    @Test
    void anUnknownImplementedTypeListsNothing() {
        assertEquals(
                0,
                reply(new TypeQueries(X86).qomListTypes(Optional.of("no-such-type"), true))
                        .path("return")
                        .size());
    }

    @Test
    void interfacesFollowQomsCastIncludingAmbiguity() {
        // e1000 is a conventional PCI device through its ancestor pci-device's interfaces
        assertTrue(X86.implementsType("e1000", "conventional-pci-device"));
        assertTrue(X86.implementsType("e1000", "pci-device"));
        assertFalse(X86.implementsType("e1000", "pci-express-device"));
        // a type with several interfaces is not a single "interface": the cast would be ambiguous
        assertTrue(X86.implementsType("pc-q35-7.2-machine", "hotplug-handler"));
        assertFalse(X86.implementsType("pc-q35-7.2-machine", "interface"));
    }

    @Test
    void requestsThatKillQemuAreKnown() {
        TypeQueries.Answer answer = new TypeQueries(X86).qomListProperties("microvm-machine");
        TypeQueries.Aborted aborted = assertInstanceOf(TypeQueries.Aborted.class, answer);
        assertEquals(134, aborted.abort().exitStatus());
        assertTrue(
                aborted.abort().message().contains("Assertion"), aborted.abort().message());
        assertTrue(answer.qmpReply().isEmpty());
    }

    @Test
    void busCountingDevicesNameTheNextBusOfTheirKindEachTime() {
        TypeCatalog arm = MachinePack.builtin("aarch64-7.2").types();
        assertTrue(
                arm.historyDependent().containsAll(Set.of("omap_i2c", "pxa2xx_i2c", "dscm1xxxx")),
                arm.historyDependent().toString());
        TypeQueries queries = new TypeQueries(arm);
        assertTrue(reply(queries.qomListProperties("omap_i2c")).toString().contains("\"i2c-bus.0\""));
        assertTrue(reply(queries.qomListProperties("omap_i2c")).toString().contains("\"i2c-bus.1\""));
        // one counter per bus kind, shared by every device that makes such a bus
        assertTrue(reply(queries.deviceListProperties("pxa2xx_i2c")).toString().contains("\"i2c-bus.2\""));
        assertTrue(reply(queries.deviceListProperties("dscm1xxxx")).toString().contains("\"ide.0\""));
        // an abstract type's class properties make no instance and move no counter
        queries.qomListProperties("device");
        assertTrue(reply(queries.qomListProperties("omap_i2c")).toString().contains("\"i2c-bus.3\""));
    }

    @Test
    void aBusCountBeyondTheCaptureIsSaidNotInvented() {
        TypeQueries queries = new TypeQueries(MachinePack.builtin("aarch64-7.2").types());
        for (int i = 0; i < 8; i++) {
            assertInstanceOf(TypeQueries.Reply.class, queries.qomListProperties("omap_i2c"));
        }
        TypeQueries.Failure failure =
                assertInstanceOf(TypeQueries.Failure.class, queries.qomListProperties("omap_i2c"));
        assertTrue(failure.desc().contains("not captured"), failure.desc());
    }
}
