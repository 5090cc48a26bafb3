package io.qapi.machine.cli;

import io.qapi.machine.server.ModelServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code -warm-up} run, with which the launcher records the class-data-sharing archive: one
 * whole QMP session over a unix socket, in process, so that the archive holds the classes a real
 * start loads up to the greeting and a first command (listening, accepting, the greeting, the
 * reader and the dispatcher), not only those of building the machine. A silent server cannot
 * hold it: the socket is closed after {@link #DEADLINE_MILLIS}.
 */
final class WarmUp {
    static final long DEADLINE_MILLIS = 10_000;

    /** Commands the session runs; one of them unknown, so that the error path is loaded too. */
    private static final List<String> COMMANDS = List.of(
            "{\"execute\": \"qmp_capabilities\"}",
            "{\"execute\": \"query-status\"}",
            "{\"execute\": \"query-version\"}",
            "{\"execute\": \"query-machines\"}",
            "{\"execute\": \"query-pci\"}",
            "{\"execute\": \"query-cpus-fast\"}",
            "{\"execute\": \"query-hotpluggable-cpus\"}",
            "{\"execute\": \"query-current-machine\"}",
            "{\"execute\": \"query-machine-type\", \"arguments\": {\"type\": \"pc\", \"defaults\": true}}",
            "{\"execute\": \"stop\"}",
            "{\"execute\": \"cont\"}",
            "{\"execute\": \"warm-up-unknown-command\"}");

    private WarmUp() {}

    static void session(ModelServer server) throws IOException {
        try (SocketChannel channel = InProcessConnection.open(server)) {
            Thread watchdog = closeAfterDeadline(channel);
            try {
                talk(channel);
            } finally {
                watchdog.interrupt();
            }
        }
    }

    private static void talk(SocketChannel channel) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        if (in.readLine() == null) {
            throw new IOException("the server closed the warm-up session before its greeting");
        }
        for (String command : COMMANDS) {
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            String line;
            do {
                line = in.readLine();
                if (line == null) {
                    throw new IOException("the server closed the warm-up session at " + command);
                }
            } while (line.startsWith("{\"event\"") || line.startsWith("{\"timestamp\""));
        }
    }

    private static Thread closeAfterDeadline(SocketChannel channel) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(DEADLINE_MILLIS);
                        channel.close();
                    } catch (InterruptedException | IOException e) {
                        // finished in time, or already closed
                    }
                },
                "qemu-model-warm-up-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        return watchdog;
    }
}
