package io.qapi.machine.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.qapi.machine.board.BoardTree;
import io.qapi.machine.board.MachineTypeDescriber;
import io.qapi.machine.pack.MachinePack;
import io.qapi.runtime.QmpError;
import io.qapi.schema.hardware.HardwareDescription;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code query-machine-type} against the real QEMU: for every machine type the pack describes
 * (every x86_64 type, the aarch64 {@code virt} family), with {@code -nodefaults} and without, the
 * description the model gives equals the board the installed binary builds, walked live. Skipped,
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

    private static void compareAll(String packName, Path binary, java.util.function.Predicate<String> described)
            throws Exception {
        assumeTrue(Files.isExecutable(binary), binary + " is not installed; skipped");
        MachinePack pack = MachinePack.builtin(packName);
        assumeTrue(pack.versionLine().equals(firstLine(binary)), binary + " is not the version the pack records ("
                + pack.versionLine() + "); skipped");
        MachineTypeDescriber describer = new MachineTypeDescriber(pack);
        List<String> types = pack.machineNames().stream().filter(described).toList();
        assertTrue(types.size() > (packName.startsWith("x86") ? 50 : 5), "machine types: " + types);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> checks = new ArrayList<>();
            for (String type : types) {
                for (boolean defaults : new boolean[] {false, true}) {
                    checks.add(pool.submit(() -> compare(binary, describer, type, defaults)));
                }
            }
            List<String> differences = new ArrayList<>();
            for (Future<String> check : checks) {
                String difference = check.get(120, TimeUnit.SECONDS);
                if (difference != null) {
                    differences.add(difference);
                }
            }
            assertEquals(List.of(), differences);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when the model's description equals the live board; else what differs. */
    private static String compare(Path binary, MachineTypeDescriber describer, String type, boolean defaults)
            throws IOException {
        String what = type + (defaults ? " with defaults" : " -nodefaults");
        BoardTree live;
        try (QemuInstance qemu = QemuInstance.start(binary, type, defaults ? List.of() : List.of("-nodefaults"),
                TIMEOUT)) {
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
        HardwareDescription model = describer.describe(type, Optional.of(JsonNodeFactory.instance.objectNode()),
                defaults);
        if (!model.root().equals(live.root())) {
            return what + ": the buses and devices differ";
        }
        if (!model.unattached().equals(live.unattached())) {
            return what + ": the devices on no bus differ";
        }
        return null;
    }

    private static String firstLine(Path binary) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            return r.readLine();
        } finally {
            p.destroy();
        }
    }
}
