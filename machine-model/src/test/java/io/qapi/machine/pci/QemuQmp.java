package io.qapi.machine.pci;

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

/** A real qemu-system-x86_64 started stopped (-S) with QMP on a unix socket; for tests only. */
final class QemuQmp implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/qemu-system-x86_64");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final SocketChannel channel;
    private final BufferedReader in;
    private final OutputStream out;
    private final Path dir;

    QemuQmp(String machine, List<String> extraArgs) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("qemu-pci");
        Path socket = dir.resolve("qmp.sock");
        List<String> cmd = new ArrayList<>(List.of(
                BINARY.toString(),
                "-machine",
                machine,
                "-accel",
                "tcg",
                "-nodefaults",
                "-S",
                "-display",
                "none",
                "-qmp",
                "unix:" + socket + ",server=on,wait=off"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("qemu.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IOException("QEMU did not open its QMP socket: " + Files.readString(dir.resolve("qemu.log")));
            }
            Thread.sleep(20);
        }
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newOutputStream(channel);
        read();
        execute("qmp_capabilities", null);
    }

    /**
     * Starts QEMU with the given devices and returns the error it stops with at start-up (the text
     * after "-device SPEC: "), or "ok" when it comes up.
     */
    static String startupError(String machine, List<String> extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                BINARY.toString(),
                "-machine",
                machine,
                "-accel",
                "tcg",
                "-nodefaults",
                "-S",
                "-display",
                "none",
                "-monitor",
                "none"));
        cmd.addAll(extraArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                return "ok";
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int marker = output.indexOf(": -device ");
            int colon = marker < 0 ? -1 : output.indexOf(": ", marker + 2);
            return colon < 0 ? output : output.substring(colon + 2);
        } finally {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Sends a command and returns its reply (a "return" or "error" object), skipping events. */
    JsonNode execute(String command, JsonNode arguments) throws IOException {
        var request = JSON.createObjectNode().put("execute", command);
        if (arguments != null) {
            request.set("arguments", arguments);
        }
        out.write((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (true) {
            JsonNode reply = read();
            if (!reply.has("event")) {
                return reply;
            }
        }
    }

    private JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("QEMU closed the QMP connection");
        }
        return JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        channel.close();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(dir.resolve("qmp.sock"));
        Files.deleteIfExists(dir.resolve("qemu.log"));
        Files.deleteIfExists(dir);
    }
}
