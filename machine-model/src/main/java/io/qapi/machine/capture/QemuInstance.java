package io.qapi.machine.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real QEMU process, stopped ({@code -S}) under TCG with QMP on a unix socket in its own temp
 * directory. Closing it always kills the process and removes the directory, so a failed capture
 * leaves nothing running.
 */
final class QemuInstance implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final QmpConnection qmp;

    private QemuInstance(Process process, Path dir, QmpConnection qmp) {
        this.process = process;
        this.dir = dir;
        this.qmp = qmp;
    }

    /** Starts {@code binary} with {@code -machine machineArg} plus {@code extra} options. */
    static QemuInstance start(Path binary, String machineArg, List<String> extra, Duration timeout) throws IOException {
        Path dir = Files.createTempDirectory("qemu-capture");
        Path socket = dir.resolve("qmp.sock");
        List<String> cmd = new ArrayList<>(List.of(
                binary.toString(),
                "-accel",
                "tcg",
                "-display",
                "none",
                "-S",
                "-machine",
                machineArg,
                "-qmp",
                "unix:" + socket + ",server=on,wait=off"));
        cmd.addAll(extra);
        Process process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        try {
            return new QemuInstance(process, dir, QmpConnection.open(socket, timeout, process::isAlive));
        } catch (IOException e) {
            kill(process);
            String log = Files.exists(dir.resolve("qemu.log"))
                    ? Files.readString(dir.resolve("qemu.log")).strip()
                    : "";
            delete(dir);
            throw new IOException("QEMU " + cmd + " did not start: " + log, e);
        }
    }

    QmpConnection qmp() {
        return qmp;
    }

    /** Whether the process ends (or has ended) within {@code timeout}: after a lost connection, a crash. */
    boolean exitedWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            qmp.close();
        } finally {
            kill(process);
            delete(dir);
        }
    }

    private static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
