package io.qapi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on a dumb terminal fed through a pipe, against an in-process server. */
class InteractiveShellTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    FakeQemu qemu;
    final Screen screen = new Screen();
    PipedOutputStream keyboard;
    CompletableFuture<Integer> shell;

    /** What the terminal showed; written by the shell's threads, read by the test's. */
    static final class Screen extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        /** The text shown, with the terminal's line ends as {@code \n}. */
        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private void start(Path history) throws Exception {
        qemu = new FakeQemu(dir.resolve("qmp.sock"), true);
        keyboard = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(keyboard, 1 << 16);
        Terminal terminal = TerminalBuilder.builder()
                .system(false)
                .provider("exec")
                .type("xterm")
                .size(new Size(160, 50))
                .encoding(StandardCharsets.UTF_8)
                .streams(input, screen)
                .build();
        ShellSession session =
                ShellSession.connect(qemu.endpoint, new ShellSession.Options(Duration.ofSeconds(5), null, true));
        shell = CompletableFuture.supplyAsync(() -> {
            try (session;
                    terminal) {
                return new InteractiveShell(session, terminal, history, true).run();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (keyboard != null) {
            keyboard.close();
        }
        if (qemu != null) {
            qemu.close();
        }
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits until the screen shows {@code text}. */
    private void awaitScreen(String text) throws InterruptedException {
        awaitScreen("", text);
    }

    /** Waits until the screen shows {@code text} after {@code earlier}. */
    private void awaitScreen(String earlier, String text) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!shows(earlier, text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the screen never showed " + text + ":\n" + screen.text());
            }
            Thread.sleep(10);
        }
    }

    private boolean shows(String earlier, String text) {
        String shown = screen.text();
        int from = shown.indexOf(earlier);
        return from >= 0 && shown.indexOf(text, from + earlier.length()) >= 0;
    }

    private int quit() throws Exception {
        keyboard.close();
        return shell.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void repliesEventsAndLocalErrors() throws Exception {
        start(dir.resolve("history"));
        awaitScreen("Connected to QEMU 7.2.0 at unix:" + dir.resolve("qmp.sock") + ": 216 commands");
        type("stop\n");
        // the event came before the reply, and is printed before it
        awaitScreen("\"event\": \"STOP\"", "{\n    \"return\": {}\n}");
        type("qom-get path=/machine\n");
        awaitScreen("Error: Parameter 'property' is missing");
        type("query-status\n");
        awaitScreen("\"status\": \"prelaunch\"");
        assertEquals(0, quit());
        assertEquals(List.of("stop", "query-status"), qemu.commandsRun());
    }

    @Test
    void anEventWhileTypingLeavesTheLineBeingTyped() throws Exception {
        start(dir.resolve("history"));
        awaitScreen(InteractiveShell.PROMPT);
        type("qom-get path=/mach");
        awaitScreen(InteractiveShell.PROMPT + "qom-get path=/mach");
        qemu.emit("POWERDOWN");
        // printed above the prompt, which is shown again with the line as it was
        awaitScreen("\"event\": \"POWERDOWN\"", InteractiveShell.PROMPT + "qom-get path=/mach");
        type("ine property=type\n");
        awaitScreen("\"return\": \"none-machine\"");
        assertEquals(0, quit());
        assertEquals(List.of("qom-get"), qemu.commandsRun());
    }

    @Test
    void ctrlCStopsWaitingForAReply() throws Exception {
        start(dir.resolve("history"));
        awaitScreen(InteractiveShell.PROMPT);
        type("query-name\n");
        while (!qemu.commandsRun().contains("query-name")) {
            Thread.sleep(10);
        }
        type("\u0003");
        awaitScreen("Error: Stopped waiting for the reply to query-name");
        // the shell takes commands again; the server runs them after query-name, as QMP does
        type("query-status\n");
        qemu.nameReleased.countDown();
        awaitScreen("\"status\": \"prelaunch\"");
        assertEquals(0, quit());
        assertEquals(1, screen.text().split("\"return\"", -1).length - 1, "the late reply is dropped");
    }

    @Test
    void tabCompletesFromTheSchema() throws Exception {
        start(dir.resolve("history"));
        awaitScreen(InteractiveShell.PROMPT);
        type("qom-g\tpath=/machine prop\t");
        awaitScreen(InteractiveShell.PROMPT + "qom-get path=/machine property=");
        type("type\n");
        awaitScreen("\"return\": \"none-machine\"");
        assertEquals(0, quit());
        assertEquals(
                "{\"path\":\"/machine\",\"property\":\"type\"}",
                qemu.calls.get(1).arguments().toString());
    }

    @Test
    void historyIsKeptInItsFileBounded() throws Exception {
        Path history = dir.resolve("history");
        List<String> old = new ArrayList<>(
                IntStream.range(0, 1500).mapToObj(i -> "query-status # " + i).toList());
        Files.write(history, old);
        start(history);
        type("stop\n");
        awaitScreen("\"return\": {}");
        type("cont\n");
        awaitScreen("\"event\": \"RESUME\"");
        assertEquals(0, quit());
        // JLine trims the file back to the size when it grows a quarter past it: here on "stop"
        List<String> kept = Files.readAllLines(history);
        assertEquals(InteractiveShell.HISTORY_SIZE + 1, kept.size());
        assertEquals("query-status # 501", kept.get(0));
        assertEquals(List.of("query-status # 1499", "stop", "cont"), kept.subList(kept.size() - 3, kept.size()));
    }
}
