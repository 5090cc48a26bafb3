package io.qapi.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's shell examples run as written, from the repository's root, in the README's
 * order: every {@code ./qapic}, {@code ./qemu-model} and {@code ./qmp-shell} command of its
 * {@code ```sh} blocks exits with status 0. Paths under {@code /tmp/} are moved into a fresh
 * directory so that runs do not meet; a command that serves QMP ({@code -qmp ...,server=on}) is
 * started, waited for, and serves the commands after it until the test ends. The {@code ./mvnw}
 * commands are the build that runs this test, and are left out.
 */
class ReadmeCommandsTest {
    /** Surefire runs in the module's directory; the README is the repository's. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final long COMMAND_SECONDS = 180;

    @TempDir
    Path tmp;

    @Test
    void everyShellExampleRuns() throws Exception {
        assumeTrue(Files.isDirectory(ROOT.resolve("../shared/qemu")), "QEMU's material is not beside the repository");
        List<String> commands = commands(Files.readString(ROOT.resolve("README.md")));
        assertTrue(commands.size() >= 10, "commands found: " + commands);
        List<Process> servers = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            for (String command : commands) {
                String local = command.replace("/tmp/", tmp + "/");
                if (local.contains("server=on")) {
                    servers.add(serve(local));
                } else {
                    String failure = run(local);
                    if (failure != null) {
                        failed.add(command + "\n" + failure);
                    }
                }
            }
        } finally {
            servers.forEach(Process::destroyForcibly);
        }
        assertEquals(List.of(), failed);
    }

    /** The commands of the README's {@code ```sh} blocks, continuation lines joined, comments and ./mvnw left out. */
    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>();
        boolean inShell = false;
        StringBuilder pending = new StringBuilder();
        for (String line : readme.split("\n")) {
            if (!inShell) {
                inShell = line.equals("```sh");
                continue;
            }
            if (line.equals("```")) {
                inShell = false;
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1);
                continue;
            }
            String whole = withoutComment(pending.append(line).toString()).strip();
            pending.setLength(0);
            List<String> kept = new ArrayList<>();
            for (String part : whole.split(" && ")) {
                if (!part.strip().startsWith("./mvnw")) {
                    kept.add(part.strip());
                }
            }
            if (!kept.isEmpty() && !kept.get(0).isEmpty()) {
                out.add(String.join(" && ", kept));
            }
        }
        return out;
    }

    /** A shell line without a trailing {@code #} comment (one outside quotes, after a blank). */
    private static String withoutComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Runs one command; null when it exits 0, otherwise what it printed. */
    private String run(String command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(tmp, "out", ".txt");
        Process process = new ProcessBuilder("bash", "-c", command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "still running after " + COMMAND_SECONDS + " s";
        }
        return process.exitValue() == 0
                ? null
                : "exit " + process.exitValue() + ":\n" + Files.readString(output, StandardCharsets.UTF_8);
    }

    /** Starts a command that serves QMP on a unix socket and waits until the socket is there. */
    private Process serve(String command) throws IOException, InterruptedException {
        String socket = command.replaceFirst(".*-qmp unix:([^,]+),.*", "$1");
        Process process = new ProcessBuilder("bash", "-c", "exec " + command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("server.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(Path.of(socket)) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(
                process.isAlive() && Files.exists(Path.of(socket)),
                "serving: " + command + "\n" + Files.readString(tmp.resolve("server.txt")));
        return process;
    }

    @Test
    void shellBlocksGiveTheirCommands() {
        String readme = "text\n```sh\n./mvnw -q package && ./qapic check a.json   # note\n./qapic x \\\n    y\n```\n"
                + "```\nnot shell\n```\n";
        assertEquals(List.of("./qapic check a.json", "./qapic x     y"), commands(readme));
    }
}
