package io.qapi.machine.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.testsupport.SharedQemu;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in packs give back QEMU's replies exactly: checked against the independent captures
 * of the same binaries under {@code ../shared/qemu/real-7.2/out}.
 */
class MachinePackTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path realOut() {
        return SharedQemu.path("real-7.2/out");
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    @Test
    void x86PackMatchesIndependentCaptureOfTheSameBinary() throws IOException {
        Path none = realOut().resolve("x86-none");
        MachinePack pack = MachinePack.builtin("x86_64-7.2");
        assertEquals(read(none.resolve("query-machines.json")), pack.queryMachines());
        assertEquals(read(none.resolve("query-cpu-definitions.json")), pack.cpuDefinitions());
        assertEquals(read(none.resolve("query-target.json")), pack.queryTarget());
        assertEquals(read(none.resolve("query-kvm.json")), pack.queryKvm());
        assertEquals(read(none.resolve("query-commands.json")), pack.queryCommands());
        assertEquals(
                read(none.resolve("query-version.json")).path("return").path("package"),
                pack.greetingVersion().path("package"));
        for (String model : List.of("qemu64", "Haswell", "Nehalem", "max", "Haswell-noTSX", "Skylake-Client-v1")) {
            for (String type : List.of("static", "full")) {
                Path expected = none.resolve("cpu-model-expansion/" + model + "." + type + ".json");
                assertEquals(read(expected), pack.cpuExpansion(model, type).orElseThrow(), model + " " + type);
            }
        }
    }

    @Test
    void aarch64PackMatchesIndependentCaptureOfTheSameBinary() throws IOException {
        Path dir = realOut().resolve("aarch64");
        MachinePack pack = MachinePack.builtin("aarch64-7.2");
        assertEquals(read(dir.resolve("query-machines.json")), pack.queryMachines());
        assertEquals(read(dir.resolve("query-cpu-definitions.json")), pack.cpuDefinitions());
        assertEquals(read(dir.resolve("query-target.json")), pack.queryTarget());
        assertEquals(read(dir.resolve("query-commands.json")), pack.queryCommands());
        for (String model : List.of("cortex-a15", "cortex-a57", "max")) {
            for (String type : List.of("static", "full")) {
                Path expected = dir.resolve("cpu-model-expansion/" + model + "." + type + ".json");
                assertEquals(read(expected), pack.cpuExpansion(model, type).orElseThrow(), model + " " + type);
            }
        }
    }

    @Test
    void machineQueriesKeepQemuOrder() {
        MachinePack pack = MachinePack.builtin("x86_64-7.2");
        List<String> names = pack.machineNames();
        assertEquals(pack.queryMachines().path("return").size(), names.size());
        assertEquals(
                names.get(0),
                pack.queryMachines().path("return").get(0).path("name").asText());
        assertEquals(
                "q35", pack.machine("pc-q35-7.2").orElseThrow().path("alias").asText());
        assertTrue(pack.machine("no-such-machine").isEmpty());
        assertTrue(pack.cpuExpansion("host", "full").isEmpty(), "host model is host-dependent");
    }

    @Test
    void badInputGetsAClearError() {
        IllegalArgumentException noPack =
                assertThrows(IllegalArgumentException.class, () -> MachinePack.builtin("sparc-1.0"));
        assertTrue(noPack.getMessage().contains("no built-in machine data pack 'sparc-1.0'"));
        MachinePack pack = MachinePack.builtin("aarch64-7.2");
        IllegalArgumentException badType =
                assertThrows(IllegalArgumentException.class, () -> pack.cpuExpansion("max", "partial"));
        assertTrue(badType.getMessage().contains("static or full"));
    }

    @Test
    void loadingADirectoryWithoutAPackSaysWhatIsMissing(@TempDir Path dir) {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> MachinePack.load(dir));
        assertTrue(e.getMessage().contains("missing binary.json"), e.getMessage());
    }

    @Test
    void boardsOfFamilyMembersEqualIndependentCapturesOfThoseTypes() throws IOException {
        Path machines = realOut().resolve("machines");
        MachinePack x86 = MachinePack.builtin("x86_64-7.2");
        // Family members stored as differences (2.0, 2.12, 4.0, 2.4, 2.10) and family bases
        // (reached through the aliases pc and q35), with -nodefaults and without.
        List<String[]> cases = List.of(
                new String[] {"pc-i440fx-2.0", "pc-i440fx-2.0"},
                new String[] {"pc-i440fx-2.12", "pc-i440fx-2.12"},
                new String[] {"pc-i440fx-4.0", "pc-i440fx-4.0"},
                new String[] {"pc-q35-2.4", "pc-q35-2.4"},
                new String[] {"pc-q35-2.10.defaults", "pc-q35-2.10"},
                new String[] {"pc", "pc-i440fx-7.2"},
                new String[] {"pc.defaults", "pc-i440fx-7.2"},
                new String[] {"q35.defaults", "pc-q35-7.2"},
                new String[] {"isapc", "isapc"});
        for (String[] c : cases) {
            boolean defaults = c[0].endsWith(".defaults");
            for (String command : List.of("query-pci", "query-hotpluggable-cpus", "query-memdev")) {
                JsonNode expected = read(machines.resolve(c[0]).resolve(command + ".json"));
                assertEquals(expected, x86.boardReply(c[1], defaults, command).orElseThrow(), c[0] + " " + command);
            }
        }
        MachinePack arm = MachinePack.builtin("aarch64-7.2");
        assertEquals(
                read(machines.resolve("aarch64-virt.defaults/query-pci.json")),
                arm.boardReply("virt-7.2", true, "query-pci").orElseThrow());
    }

    @Test
    void boardsOfUnknownTypesAreAbsentNotErrors() {
        MachinePack x86 = MachinePack.builtin("x86_64-7.2");
        assertTrue(x86.board("no-such-machine", false).isEmpty());
        assertTrue(x86.board("../binary", false).isEmpty(), "a type name is not a path");
        assertTrue(x86.boardReply("pc-i440fx-7.2", false, "no-such-command").isEmpty());
    }

    @Test
    void builtinX86LoadTime() {
        long start = System.nanoTime();
        MachinePack pack = MachinePack.builtin("x86_64-7.2");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("built-in x86_64-7.2 pack loaded in " + ms + " ms ("
                + pack.machineNames().size() + " machine types)");
        assertEquals("x86_64", pack.queryTarget().path("return").path("arch").asText());
    }
}
