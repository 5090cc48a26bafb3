package io.qapi.machine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.machine.board.BoardTree;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.pack.MachinePack;
import io.qapi.machine.pack.MachineSwitch;
import io.qapi.runtime.api.QmpError;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code query-machine-type} against the real QEMU: for every machine type the pack describes
 * (every x86_64 type, the aarch64 {@code virt} family), with {@code -nodefaults} and without, the
 * description the model gives equals the board the installed binary builds, walked live; and so
 * with machine switches set together, which the capture records one at a time. Skipped,
 * saying so, when the binary is absent or is not the version the pack records.
 */
class BoardsAgainstQemuTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void everyX86MachineTypeIsDescribedAsQemuBuildsIt() throws Exception {
        compareAll("x86_64-7.2", Path.of("/usr/bin/qemu-system-x86_64"), name -> true);
    }

    @Test
    void theAarch64VirtTypesAreDescribedAsQemuBuildsThem() throws Exception {
        compareAll("aarch64-7.2", Path.of("/usr/bin/qemu-system-aarch64"), name -> name.startsWith("virt"));
    }

    /**
     * Switches together: every switch that changes the board, with every switch that does not
     * set at the same time, on the newest type of each family and on older ones whose boards
     * differ; the model composes the boards the capture recorded one switch at a time.
     */
    @Test
    void switchesTogetherAreDescribedAsQemuBuildsThem() throws Exception {
        compareSwitched(
                "x86_64-7.2",
                Path.of("/usr/bin/qemu-system-x86_64"),
                List.of("pc-i440fx-7.2", "pc-q35-7.2", "isapc", "microvm", "pc-q35-2.11", "pc-i440fx-1.7"));
    }

    @Test
    void virtSwitchesTogetherAreDescribedAsQemuBuildsThem() throws Exception {
        compareSwitched("aarch64-7.2", Path.of("/usr/bin/qemu-system-aarch64"), List.of("virt-7.2", "virt-2.6"));
    }

    private static void compareSwitched(String packName, Path binary, List<String> types) throws Exception {
        MachinePack pack = packOfInstalled(packName, binary);
        MachineTypeDescriber describer = new MachineTypeDescriber(pack);
        List<Callable<String>> checks = new ArrayList<>();
        for (String type : types) {
            for (boolean defaults : new boolean[] {false, true}) {
                for (Map<String, String> options : combinations(pack, type, defaults)) {
                    checks.add(() -> compare(binary, describer, type, options, defaults));
                }
            }
        }
        assertTrue(checks.size() >= types.size() * 2, "combinations tried: " + checks.size());
        assertEquals(List.of(), differences(checks));
    }

    /**
     * For each switch of {@code type} that changes its hardware, that switch with one value of
     * every switch that changes none (switches QEMU refuses alone are left out).
     */
    private static List<Map<String, String>> combinations(MachinePack pack, String type, boolean defaults) {
        List<MachineSwitch> changing = new ArrayList<>();
        Map<String, String> quiet = new LinkedHashMap<>();
        for (MachineSwitch s : MachineSwitch.offeredBy(pack.board(type, false).orElseThrow())) {
            JsonNode board = pack.switchBoard(type, s.key(), defaults).orElseThrow();
            if (board.has("start-error")) {
                continue;
            }
            if (board.has("hardware")) {
                changing.add(s);
            } else {
                quiet.putIfAbsent(s.property(), s.value());
            }
        }
        List<Map<String, String>> all = new ArrayList<>();
        for (MachineSwitch s : changing) {
            Map<String, String> options = new LinkedHashMap<>(quiet);
            options.remove(s.property());
            options.put(s.property(), s.value());
            all.add(options);
        }
        return all;
    }

    private static String compare(
            Path binary, MachineTypeDescriber describer, String type, Map<String, String> options, boolean defaults)
            throws IOException {
        String machineArg = type
                + options.entrySet().stream()
                        .map(e -> "," + e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining());
        String what = machineArg + (defaults ? " with defaults" : " -nodefaults");
        ObjectNode props = JsonNodeFactory.instance.objectNode();
        options.forEach(props::put);
        BoardTree live;
        try (QemuInstance qemu =
                QemuInstance.start(binary, machineArg, defaults ? List.of() : List.of("-nodefaults"), TIMEOUT)) {
            live = BoardTree.of(BoardWalk.walkHardware(qemu.qmp())).orElseThrow();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("did not start")) {
                return what + ": QEMU does not start it: " + e.getMessage();
            }
            throw e;
        }
        HardwareDescription model;
        try {
            model = describer.describe(type, Optional.of(props), defaults);
        } catch (QmpError e) {
            return what + ": the model refuses it: " + e.desc();
        }
        if (!model.root().equals(live.root()) || !model.unattached().equals(live.unattached())) {
            return what + ": the buses and devices differ";
        }
        return null;
    }

    private static void compareAll(String packName, Path binary, Predicate<String> described) throws Exception {
        MachinePack pack = packOfInstalled(packName, binary);
        MachineTypeDescriber describer = new MachineTypeDescriber(pack);
        List<String> types = pack.machineNames().stream().filter(described).toList();
        assertTrue(types.size() > (packName.startsWith("x86") ? 50 : 5), "machine types: " + types);
        List<Callable<String>> checks = new ArrayList<>();
        for (String type : types) {
            for (boolean defaults : new boolean[] {false, true}) {
                checks.add(() -> compare(binary, describer, type, defaults));
            }
        }
        assertEquals(List.of(), differences(checks));
    }

    /** The pack, when {@code binary} is installed and is the version it records; else the test is skipped. */
    private static MachinePack packOfInstalled(String packName, Path binary) throws IOException {
        assumeTrue(Files.isExecutable(binary), binary + " is not installed; skipped");
        MachinePack pack = MachinePack.builtin(packName);
        assumeTrue(
                pack.versionLine().equals(firstLine(binary)),
                binary + " is not the version the pack records (" + pack.versionLine() + "); skipped");
        return pack;
    }

    /** Runs the checks two at a time (the machine is shared); what each found to differ, in order. */
    private static List<String> differences(List<Callable<String>> checks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> pending = new ArrayList<>();
            checks.forEach(check -> pending.add(pool.submit(check)));
            List<String> differences = new ArrayList<>();
            for (Future<String> check : pending) {
                String difference = check.get(120, TimeUnit.SECONDS);
                if (difference != null) {
                    differences.add(difference);
                }
            }
            return differences;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the model's description equals the live board; else what differs. */
    private static String compare(Path binary, MachineTypeDescriber describer, String type, boolean defaults)
            throws IOException {
        String what = type + (defaults ? " with defaults" : " -nodefaults");
        BoardTree live;
        try (QemuInstance qemu =
                QemuInstance.start(binary, type, defaults ? List.of() : List.of("-nodefaults"), TIMEOUT)) {
            live = BoardTree.of(BoardWalk.walk(qemu.qmp())).orElseThrow();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("did not start")) {
                try {
                    describer.describe(type, Optional.empty(), defaults);
                    return what + ": QEMU does not start it, the model describes it";
                } catch (QmpError expected) {
                    return null;
                }
            }
            throw e;
        }
        HardwareDescription model =
                describer.describe(type, Optional.of(JsonNodeFactory.instance.objectNode()), defaults);
        if (!model.root().equals(live.root())) {
            return what + ": the buses and devices differ";
        }
        if (!model.unattached().equals(live.unattached())) {
            return what + ": the devices on no bus differ";
        }
        return null;
    }

    private static String firstLine(Path binary) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            return r.readLine();
        } finally {
            p.destroy();
        }
    }
}
