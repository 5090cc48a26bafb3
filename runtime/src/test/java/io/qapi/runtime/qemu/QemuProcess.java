package io.qapi.runtime.qemu;

import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code qemu-system-x86_64 -machine none -nodefaults -display none -S -accel tcg} with
 * its monitor on a unix socket. Tests are skipped, saying so, where it is not installed.
 */
final class QemuProcess implements AutoCloseable {
    static final String BINARY = "qemu-system-x86_64";

    private final Process process;
    private final Path socket;

    private QemuProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Skips the test, saying why, where QEMU is not installed. */
    static void assumeInstalled() {
        boolean installed = false;
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            installed |= Files.isExecutable(Path.of(path, BINARY));
        }
        Assumptions.assumeTrue(installed, BINARY + " is not installed (apt-get install --no-install-recommends "
                + "qemu-system-x86): real-QEMU test skipped");
    }

    /**
     * A QEMU whose monitor connects to {@code socket} ({@code -qmp unix:PATH} without
     * {@code server=on}): something must listen there already, or QEMU exits at once.
     */
    static QemuProcess connectingTo(Path socket) throws IOException {
        assumeInstalled();
        List<String> command = List.of(BINARY, "-M", "none", "-display", "none", "-qmp", "unix:" + socket);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return new QemuProcess(process, socket);
    }

    /** Waits for QEMU to exit (after {@code quit}); false when it did not in time. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static QemuProcess start(Path dir) throws IOException, InterruptedException {
        assumeInstalled();
        Path socket = dir.resolve("qemu.sock");
        List<String> command = List.of(BINARY, "-machine", "none", "-nodefaults", "-display", "none", "-S",
                "-accel", "tcg", "-qmp", "unix:" + socket + ",server=on,wait=off");
        Files.deleteIfExists(socket); // a socket left by an earlier run would look ready at once
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Sockets.awaitListening(Endpoint.unix(socket), Duration.ofMillis(100))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("QEMU did not start: " + String.join(" ", command));
            }
        }
        return new QemuProcess(process, socket);
    }

    Endpoint endpoint() {
        return Endpoint.unix(socket);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
