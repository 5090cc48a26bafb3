package io.qapi.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code qemu-system-x86_64} with its QMP monitor on a unix socket, started as the
 * captures in {@code ../shared/qemu/real-7.2} were: {@code -nodefaults -display none -S -accel tcg
 * -qmp unix:PATH,server=on,wait=off}. Tests are skipped, saying so, where the binary is not
 * installed (the Debian package is {@code qemu-system-x86}).
 */
public final class QemuProcess implements AutoCloseable {
    public static final String BINARY = "qemu-system-x86_64";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path socket;

    private QemuProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Whether QEMU is on the {@code PATH}. */
    public static boolean installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, BINARY))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, saying why, where QEMU is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(
                installed(),
                BINARY + " is not installed (apt-get install --no-install-recommends "
                        + "qemu-system-x86): real-QEMU test skipped");
    }

    /** Starts {@code -machine none} in {@code dir} and waits for its monitor socket. */
    public static QemuProcess start(Path dir) throws IOException, InterruptedException {
        return start("none", dir);
    }

    /**
     * Starts {@code -machine MACHINE} and waits (at most 30 s) for its monitor socket, made in
     * {@code dir}; QEMU's output goes to a log file there, quoted when it does not start.
     */
    public static QemuProcess start(String machine, Path dir) throws IOException, InterruptedException {
        assumeInstalled();
        Path socket = dir.resolve("qmp-" + machine + ".sock");
        Path log = dir.resolve("qemu-" + machine + ".log");
        List<String> command = List.of(
                BINARY,
                "-machine",
                machine,
                "-nodefaults",
                "-display",
                "none",
                "-S",
                "-accel",
                "tcg",
                "-qmp",
                "unix:" + socket + ",server=on,wait=off");
        Files.deleteIfExists(socket); // a socket left by an earlier run would look ready at once
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!listening(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException(
                        "QEMU did not start: " + String.join(" ", command) + "\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return new QemuProcess(process, socket);
    }

    /**
     * A QEMU whose monitor connects to {@code socket} ({@code -qmp unix:PATH} without
     * {@code server=on}): something must listen there already, or QEMU exits at once.
     */
    public static QemuProcess connectingTo(Path socket) throws IOException {
        assumeInstalled();
        List<String> command = List.of(BINARY, "-M", "none", "-display", "none", "-qmp", "unix:" + socket);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return new QemuProcess(process, socket);
    }

    /** Whether something accepts connections on the unix socket {@code path} (a probe connection, closed at once). */
    private static boolean listening(Path path) {
        if (!Files.exists(path)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return probe.connect(UnixDomainSocketAddress.of(path));
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The monitor's unix socket. */
    public Path socket() {
        return socket;
    }

    /** Waits for QEMU to exit (after {@code quit}); false when it did not in time. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops QEMU with SIGTERM, as the captures stopped it, and kills it if it has not gone in 10 s. */
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
