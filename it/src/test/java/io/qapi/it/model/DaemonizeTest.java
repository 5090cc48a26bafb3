package io.qapi.it.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.testsupport.QemuProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -daemonize} and {@code -pidfile} through the {@code ./qemu-model} launcher, as
 * management software uses them (libvirt starts every probe so): the launcher returns once the
 * monitor listens, the pid file names the live model, and goes when the model ends; a command
 * line QEMU refuses gets QEMU's message and status, compared with the real binary's.
 */
class DaemonizeTest {
    private static final Path LAUNCHER =
            Path.of("..", "qemu-model").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** A finished program's exit status and standard error. */
    private record Outcome(int status, String stderr) {}

    private static Outcome run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "did not return: " + command);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(process.exitValue(), stderr);
    }

    private static List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(args);
        return command;
    }

    @Test
    void theLauncherReturnsOnceTheMonitorListensAndThePidFileNamesTheModel() throws Exception {
        Path socket = dir.resolve("qmp.sock");
        Path pidFile = dir.resolve("model.pid");
        Outcome started = run(command(
                LAUNCHER.toString(),
                List.of(
                        "-S",
                        "-no-user-config",
                        "-nodefaults",
                        "-nographic",
                        "-machine",
                        "none",
                        "-qmp",
                        "unix:" + socket + ",server=on,wait=off",
                        "-pidfile",
                        pidFile.toString(),
                        "-daemonize")));
        assertEquals(new Outcome(0, ""), started);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        assertTrue(Files.readString(pidFile).endsWith("\n"));
        Optional<ProcessHandle> daemon = ProcessHandle.of(pid);
        assertTrue(daemon.isPresent() && daemon.get().isAlive(), "the pid file names a live process");
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket)); // listening already: no retry
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(channel);
            assertTrue(in.readLine().startsWith("{\"QMP\": "));
            out.write(
                    "{\"execute\": \"qmp_capabilities\"}\n{\"execute\": \"quit\"}\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertEquals("{\"return\": {}}", in.readLine().strip());
            assertEquals("{\"return\": {}}", in.readLine().strip());
        }
        daemon.get().onExit().get(30, TimeUnit.SECONDS);
        assertFalse(Files.exists(pidFile), "the pid file goes with the model");
    }

    @Test
    void refusedCommandLinesGetQemusMessageAndStatus() throws Exception {
        QemuProcess.assumeInstalled();
        List<List<String>> refused = List.of(
                List.of("-machine", "none", "-S", "-nographic", "-daemonize"),
                List.of("-machine", "none", "-S", "-nodefaults", "-display", "none", "-qmp", "stdio", "-daemonize"),
                List.of(
                        "-machine",
                        "none",
                        "-S",
                        "-nodefaults",
                        "-display",
                        "none",
                        "-pidfile",
                        dir.resolve("missing/dir/x.pid").toString()));
        for (List<String> args : refused) {
            Outcome qemu = run(command(QemuProcess.BINARY, args));
            Outcome model = run(command(LAUNCHER.toString(), args));
            assertEquals(qemu.status(), model.status(), "status of " + args);
            assertEquals(
                    qemu.stderr().replace(QemuProcess.BINARY + ":", "qemu-model:"),
                    model.stderr(),
                    "message of " + args);
        }
    }

    @Test
    void aPidFileInUseIsRefusedAsQemuRefusesIt() throws Exception {
        QemuProcess.assumeInstalled();
        Path pidFile = dir.resolve("held.pid");
        Path socket = dir.resolve("held.sock");
        Process holder = new ProcessBuilder(
                        QemuProcess.BINARY,
                        "-machine",
                        "none",
                        "-S",
                        "-nodefaults",
                        "-display",
                        "none",
                        "-pidfile",
                        pidFile.toString(),
                        "-qmp",
                        "unix:" + socket + ",server=on,wait=off")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            for (int i = 0; i < 1500 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            List<String> args = List.of(
                    "-machine", "none", "-S", "-nodefaults", "-display", "none", "-pidfile", pidFile.toString());
            Outcome qemu = run(command(QemuProcess.BINARY, args));
            Outcome model = run(command(LAUNCHER.toString(), args));
            assertEquals(1, qemu.status());
            assertEquals(qemu.status(), model.status());
            assertEquals(qemu.stderr().replace(QemuProcess.BINARY + ":", "qemu-model:"), model.stderr());
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
