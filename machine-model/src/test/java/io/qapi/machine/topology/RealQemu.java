package io.qapi.machine.topology;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.TimeUnit;

/**
 * Test helper: one run of the real qemu-system-x86_64 with {@code -S} and a QMP socket. Either
 * QEMU refuses the command line (its first stderr line is kept) or it answers the QMP commands
 * given. Every wait is bounded; the process is always killed.
 */
public final class RealQemu {
    public static final Path BINARY = Path.of("/usr/bin/qemu-system-x86_64");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DEADLINE_MS = 15_000;

    /** What one run gave: an error line, or one reply per command. */
    public record Outcome(String error, List<JsonNode> replies) {}

    private RealQemu() {}

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Runs QEMU with the options; error is null when it started and answered. */
    public static Outcome run(List<String> options, List<String> commands) throws Exception {
        Path dir = Files.createTempDirectory("rules-qemu");
        Path socket = dir.resolve("qmp.sock");
        List<String> argv = new ArrayList<>(List.of(
                BINARY.toString(),
                "-display",
                "none",
                "-accel",
                "tcg",
                "-S",
                "-nodefaults",
                "-qmp",
                "unix:" + socket + ",server=on,wait=off"));
        argv.addAll(options);
        Path stderr = dir.resolve("stderr");
        Process qemu = new ProcessBuilder(argv)
                .redirectError(stderr.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long end = System.currentTimeMillis() + DEADLINE_MS;
        try {
            while (!Files.exists(socket) && qemu.isAlive() && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
            if (!qemu.isAlive() || !Files.exists(socket)) {
                return refused(qemu, stderr, end);
            }
            try {
                return new Outcome(null, talk(socket, commands, qemu));
            } catch (IOException e) {
                // QEMU opens the QMP socket before it checks -smp, then exits: a refusal
                return refused(qemu, stderr, end);
            }
        } finally {
            qemu.destroyForcibly();
            qemu.waitFor(5, TimeUnit.SECONDS);
            Files.deleteIfExists(socket);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(dir);
        }
    }

    private static Outcome refused(Process qemu, Path stderr, long end) throws Exception {
        qemu.waitFor(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        List<String> lines = Files.readAllLines(stderr);
        return new Outcome(lines.isEmpty() ? "(no stderr, still running)" : lines.get(0), List.of());
    }

    private static List<JsonNode> talk(Path socket, List<String> commands, Process qemu) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            // reads block without a timeout; killing QEMU at the deadline ends them with EOF
            Thread watchdog = new Thread(() -> {
                try {
                    if (!qemu.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)) {
                        qemu.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            watchdog.setDaemon(true);
            watchdog.start();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            OutputStream out = Channels.newOutputStream(channel);
            in.readLine(); // greeting
            List<JsonNode> replies = new ArrayList<>();
            for (String command : List.of("{\"execute\":\"qmp_capabilities\"}")) {
                send(out, command);
                reply(in);
            }
            for (String command : commands) {
                send(out, command);
                replies.add(reply(in));
            }
            watchdog.interrupt();
            return replies;
        }
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static JsonNode reply(BufferedReader in) throws IOException {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            JsonNode node = JSON.readTree(line);
            if (node.has("return") || node.has("error")) {
                return node;
            }
        }
        throw new IOException("QEMU closed the QMP connection");
    }
}
