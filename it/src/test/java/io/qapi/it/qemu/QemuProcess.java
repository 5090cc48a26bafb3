package io.qapi.it.qemu;

import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code qemu-system-x86_64} with a QMP monitor on a unix socket, started as the
 * captures in {@code ../shared/qemu/real-7.2} were: {@code -nodefaults -display none -S
 * -accel tcg -qmp unix:PATH,server=on,wait=off}. Tests are skipped, saying so, where the binary
 * is not installed (the Debian package is {@code qemu-system-x86}).
 */
public final class QemuProcess implements AutoCloseable {
    static final String BINARY = "qemu-system-x86_64";

    private final Process process;
    private final Path socket;

    private QemuProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Skips the calling test when QEMU is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), BINARY + " is not installed (apt-get install --no-install-recommends "
                + "qemu-system-x86): real-QEMU test skipped");
    }

    static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, BINARY))) {
                return true;
            }
        }
        return false;
    }

    /** Starts {@code -machine MACHINE} and waits for its monitor socket. */
    public static QemuProcess start(String machine, Path dir) throws IOException, InterruptedException {
        assumeInstalled();
        Path socket = dir.resolve("qmp-" + machine + ".sock");
        List<String> command = new ArrayList<>(List.of(BINARY, "-machine", machine, "-nodefaults", "-display", "none",
                "-S", "-accel", "tcg", "-qmp", "unix:" + socket + ",server=on,wait=off"));
        Files.deleteIfExists(socket); // a socket left by an earlier run would look ready at once
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu-" + machine + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Sockets.awaitListening(Endpoint.unix(socket), Duration.ofMillis(100))) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("QEMU did not start: " + String.join(" ", command) + "\n"
                        + Files.readString(dir.resolve("qemu-" + machine + ".log")));
            }
        }
        return new QemuProcess(process, socket);
    }

    public Endpoint endpoint() {
        return Endpoint.unix(socket);
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM, as the captures stopped it
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
