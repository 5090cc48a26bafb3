package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code -qmp stdio}, in a separate process as management software would run it: the greeting,
 * replies and the SHUTDOWN event on standard output with QEMU's line ends, and QEMU's refusals
 * (each text printed by qemu-system-x86_64 7.2 for the same command line).
 */
class StdioMonitorTest {
    private static Process model(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                QemuModel.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String finish(Process process, String input) throws Exception {
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the model did not end");
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aSessionOnStandardInputAndOutputEndsWithQuit() throws Exception {
        Process process = model("-machine", "none", "-nodefaults", "-S", "-display", "none", "-qmp", "stdio");
        String out = finish(
                process,
                "{\"execute\":\"qmp_capabilities\"}\n{\"execute\":\"query-status\"}\n" + "{\"execute\":\"quit\"}\n");
        assertEquals(0, process.exitValue());
        String[] lines = out.split("\r\n");
        assertTrue(lines[0].startsWith("{\"QMP\": {\"version\": "), out);
        assertEquals("{\"return\": {}}", lines[1]);
        assertEquals("{\"return\": {\"status\": \"prelaunch\", \"singlestep\": false, \"running\": false}}", lines[2]);
        assertEquals("{\"return\": {}}", lines[3]);
        assertTrue(lines[4].contains("\"event\": \"SHUTDOWN\""), out);
        assertTrue(out.endsWith("\r\n"), "QEMU ends each message with CR LF");
    }

    @Test
    void stdioCannotServeTwoMonitorsNorAMonitorAndTheDefaultSerialPort() throws Exception {
        Process twice = model("-machine", "none", "-nodefaults", "-qmp", "stdio", "-qmp", "stdio");
        finish(twice, "");
        assertEquals(1, twice.exitValue());
        assertEquals(
                "qemu-model: -qmp stdio: cannot use stdio by multiple character devices\n",
                new String(twice.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        Process serial = model("-machine", "pc", "-S", "-nographic", "-qmp", "stdio");
        finish(serial, "");
        assertEquals(1, serial.exitValue());
        assertEquals(
                "qemu-model: cannot use stdio by multiple character devices\n"
                        + "qemu-model: could not connect serial device to character backend 'stdio'\n",
                new String(serial.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
