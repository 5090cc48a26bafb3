package io.qapi.it.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.qapi.it.diff.QmpLink;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A terminating signal ends the model as it ends QEMU 7.2 (libvirt's {@code destroy} sends
 * SIGTERM): a SHUTDOWN event with reason {@code host-signal} reaches the monitor's client, the
 * process says "terminating on signal N" and exits with status 0. Each signal is sent to the
 * real binary and to the model, and the two must behave alike.
 */
class TerminatingSignalTest {
    private static final Path MODEL = Path.of("..").toAbsolutePath().normalize().resolve("qemu-model");
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @TempDir
    Path dir;

    /** What a signal did: the event the client got, the end of standard error, the exit status. */
    private record Ending(JsonNode event, String stderrEnd, int status) {}

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "HUP"})
    void aSignalEndsTheModelAsItEndsQemu(String signal) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(QEMU), QEMU + " is not installed: skipped");
        // QEMU installs its handlers whatever it inherits; a JVM declines to handle a signal it
        // was started with ignored (SIGHUP under nohup, SIGINT in a shell's background job), so
        // the model then ignores it.
        Assumptions.assumeFalse(
                ignoredHere(signal),
                "this test runs with SIG" + signal + " ignored, which the model's JVM inherits: skipped");
        Ending real = end(QEMU, signal, "real");
        Ending model = end(MODEL, signal, "model");
        assertEquals("SHUTDOWN", real.event().path("event").asText());
        assertEquals(real.event().path("data"), model.event().path("data"), "the SHUTDOWN event's data");
        assertEquals(real.status(), model.status(), "the exit status");
        // QEMU names the sender when the kernel tells it; the model cannot learn it
        assertTrue(real.stderrEnd().startsWith("terminating on signal "), real.stderrEnd());
        assertTrue(
                real.stderrEnd().startsWith(model.stderrEnd()),
                () -> "QEMU: " + real.stderrEnd() + "; model: " + model.stderrEnd());
    }

    private Ending end(Path program, String signal, String name) throws Exception {
        Path socket = dir.resolve(name + "-" + signal + ".sock");
        File stderr = dir.resolve(name + "-" + signal + ".err").toFile();
        Process process = new ProcessBuilder(List.of(
                        program.toString(),
                        "-machine",
                        "q35",
                        "-nodefaults",
                        "-S",
                        "-display",
                        "none",
                        "-qmp",
                        "unix:" + socket + ",server=on,wait=off"))
                .redirectError(stderr)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            for (int i = 0; i < 1500 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            try (QmpLink link = QmpLink.connect(socket)) {
                next(link, name);
                link.send("{\"execute\":\"qmp_capabilities\"}");
                next(link, name);
                new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                        .start()
                        .waitFor();
                JsonNode event = next(link, name);
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), name + " did not end on SIG" + signal);
                List<String> lines = Files.readAllLines(stderr.toPath());
                String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
                return new Ending(event, last.substring(last.indexOf(": ") + 2), process.exitValue());
            }
        } finally {
            process.destroyForcibly();
        }
    }

    /** The monitor's next message, waited for 30 s at most: the process is ended after a failure. */
    private static JsonNode next(QmpLink link, String name) throws InterruptedException {
        JsonNode message = link.next(Duration.ofSeconds(30));
        if (message == null || QmpLink.isClosed(message)) {
            throw new AssertionError(name + (message == null ? " sent nothing for 30 s" : " closed the monitor"));
        }
        return message;
    }

    /** Whether {@code signal} is ignored in this process, and so in the processes it starts. */
    private static boolean ignoredHere(String signal) throws IOException {
        int number = switch (signal) {
            case "HUP" -> 1;
            case "INT" -> 2;
            case "TERM" -> 15;
            default -> throw new IllegalArgumentException(signal);
        };
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(
                        line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }
}
