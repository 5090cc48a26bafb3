package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code -machine help} and {@code -cpu help} print what QEMU 7.2 prints and exit 0: compared with
 * the help dumps captured from the real binaries in {@code ../shared/qemu/real-7.2/out/help}.
 */
class HelpOptionTest {
    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QemuModel.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String dump(String name) throws IOException {
        Path help = Path.of(System.getProperty("qapi.shared", "../shared")).resolve("qemu/real-7.2/out/help");
        assumeTrue(
                Files.isDirectory(help),
                "QEMU help dumps not found at " + help + " (set -Dqapi.shared); skipping the comparison with them");
        return Files.readString(help.resolve(name));
    }

    @Test
    void machineHelpListsTheTypesAsQemuDoes() throws IOException {
        assertEquals(new Run(0, dump("x86_64.machine-help.txt"), ""), run("-machine", "help"));
        assertEquals(new Run(0, dump("x86_64.machine-help.txt"), ""), run("-M", "?"));
        assertEquals(new Run(0, dump("aarch64.machine-help.txt"), ""), run("-target", "aarch64", "-machine", "help"));
    }

    @Test
    void cpuHelpListsTheModelsAsQemuDoes() throws IOException {
        assertEquals(new Run(0, dump("x86_64.cpu-help.txt"), ""), run("-cpu", "help"));
        assertEquals(new Run(0, dump("aarch64.cpu-help.txt"), ""), run("-target", "aarch64", "-cpu", "help"));
    }

    @Test
    void machineHelpWinsOverCpuHelpInEitherOrder() throws IOException {
        // QEMU answers -machine help while reading the command line, -cpu help only after it
        assertEquals(
                dump("x86_64.machine-help.txt"),
                run("-cpu", "help", "-machine", "help").out());
        assertEquals(
                dump("x86_64.machine-help.txt"),
                run("-machine", "help", "-cpu", "help").out());
    }

    @Test
    void helpWithAnUnknownTypeListsTheTypes() throws IOException {
        assertEquals(new Run(0, dump("x86_64.machine-help.txt"), ""), run("-machine", "no-such-board,help"));
    }

    @Test
    void helpWithAKnownTypeListsItsOptionsAsQemuDoes() throws IOException {
        assertEquals(new Run(0, dump("x86_64.machine-pc-props.txt"), ""), run("-machine", "pc,help"));
        assertEquals(new Run(0, dump("x86_64.machine-q35-props.txt"), ""), run("-M", "q35,help"));
        assertEquals(
                new Run(0, dump("aarch64.machine-virt-props.txt"), ""),
                run("-target", "aarch64", "-machine", "virt,help"));
    }

    @Test
    void familyMembersShareTheirOptionsButNameThemselves() {
        Run old = run("-machine", "pc-i440fx-2.0,help");
        assertEquals(0, old.status());
        assertTrue(old.out().startsWith("pc-i440fx-2.0-machine options:\n"), old.out());
        assertEquals(
                run("-machine", "pc,help").out().lines().skip(1).toList(),
                old.out().lines().skip(1).toList());
    }
}
