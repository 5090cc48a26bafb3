package io.qapi.machine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.qapi.runtime.transport.Endpoint;
import io.qapi.runtime.transport.Sockets;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./qemu-model} with {@code -qmp unix:…}, in a separate process as management software
 * runs it: several clients at once on the one socket (management software and a person's shell
 * side by side), events to every negotiated one; and {@code -compat}, whose {@code crash} ends
 * the process with the status QEMU's abort gives.
 */
class SocketMonitorTest {
    @TempDir
    Path dir;

    private Process process;

    /** One client: lines as they come, QEMU's CR LF taken off. */
    private static final class Client implements AutoCloseable {
        private final SocketChannel channel;
        private final BufferedReader in;
        private final OutputStream out;

        Client(Endpoint endpoint) throws IOException {
            channel = Sockets.connect(endpoint, Duration.ofSeconds(10));
            in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
            out = Channels.newOutputStream(channel);
        }

        String line() throws IOException {
            String line = in.readLine();
            return line == null ? null : line.strip();
        }

        String ask(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return line();
        }

        Client negotiated() throws IOException {
            assertTrue(line().startsWith("{\"QMP\": {\"version\": {\"qemu\": "));
            assertEquals("{\"return\": {}}", ask("{\"execute\": \"qmp_capabilities\"}"));
            return this;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private Endpoint model(String... args) throws Exception {
        Path socket = dir.resolve("qmp.sock");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                QemuModel.class.getName(),
                "-machine",
                "pc",
                "-nodefaults",
                "-S",
                "-display",
                "none",
                "-qmp",
                "unix:" + socket + ",server=on,wait=off"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Endpoint endpoint = Endpoint.unix(socket);
        assertTrue(Sockets.awaitListening(endpoint, Duration.ofSeconds(30)), "the model did not listen");
        return endpoint;
    }

    @AfterEach
    void end() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void severalClientsAtOnceOnOneSocketEachGetTheEvents() throws Exception {
        Endpoint endpoint = model();
        try (Client management = new Client(endpoint).negotiated();
                Client shell = new Client(endpoint).negotiated();
                Client notYet = new Client(endpoint)) {
            assertTrue(notYet.line().startsWith("{\"QMP\": "));
            // as from QEMU, the event the command causes comes before the command's reply
            assertTrue(shell.ask("{\"execute\": \"cont\"}").contains("\"event\": \"RESUME\""));
            assertEquals("{\"return\": {}}", shell.line());
            assertTrue(management.line().contains("\"event\": \"RESUME\""), "the other client gets RESUME too");
            assertTrue(management.ask("{\"execute\": \"query-status\"}").contains("\"status\": \"running\""));
            assertEquals("{\"return\": {}}", management.ask("{\"execute\": \"quit\"}"));
            for (Client client : List.of(management, shell)) {
                assertTrue(client.line().contains("\"event\": \"SHUTDOWN\""), "each negotiated client gets SHUTDOWN");
            }
            assertEquals(null, notYet.line(), "a client that has not negotiated gets no events, only the end");
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue());
    }

    @Test
    void compatRejectAnswersAsQemuDoes() throws Exception {
        Endpoint endpoint = model("--preconfig", "-compat", "unstable-input=reject");
        try (Client qmp = new Client(endpoint).negotiated()) {
            assertEquals(
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Unstable command x-exit-preconfig "
                            + "disabled by policy\"}}",
                    qmp.ask("{\"execute\": \"x-exit-preconfig\"}"));
        }
    }

    @Test
    void compatCrashEndsTheProcessAsAbortDoes() throws Exception {
        Endpoint endpoint = model("--preconfig", "-compat", "deprecated-input=reject,unstable-input=crash");
        try (Client qmp = new Client(endpoint).negotiated()) {
            assertEquals(null, qmp.ask("{\"execute\": \"x-exit-preconfig\"}"), "no reply: the process is gone");
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(QemuModel.ABORT_STATUS, process.exitValue());
    }

    @Test
    void aCompatPolicyQemuDoesNotKnowIsRefused() throws Exception {
        ByteArrayStreams streams = new ByteArrayStreams();
        assertEquals(
                1,
                QemuModel.run(
                        List.of("-machine", "none", "-compat", "deprecated-output=crash"),
                        streams.out(),
                        streams.err()));
        assertEquals(
                "qemu-model: -compat deprecated-output=crash: Parameter 'deprecated-output' does not accept "
                        + "value 'crash'\n",
                streams.errText());
    }

    /** Standard output and error of an in-process run. */
    private static final class ByteArrayStreams {
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        PrintStream out() {
            return new PrintStream(OutputStream.nullOutputStream());
        }

        PrintStream err() {
            return new PrintStream(err, true, StandardCharsets.UTF_8);
        }

        String errText() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
