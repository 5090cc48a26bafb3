package io.qapi.it.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one scenario against one target (the reference emulator or the candidate) and records
 * what it did as a JSON outcome:
 * <ul>
 * <li>{@code {"start-error": {"exit": N, "stderr": TEXT}}} when it refused its command line,
 * with each line's program-name prefix ({@code qemu-system-x86_64: }) removed; or</li>
 * <li>{@code {"greeting": {"version", "capabilities"}, "replies": [...], "events": [...],
 * "end": "running" | "exited N"}}: one reply per step, every event in arrival order.</li>
 * </ul>
 * A step that gets no reply within {@link #STEP_TIMEOUT} is recorded as {@code {"timeout": true}}
 * and the steps after it as {@code {"not-sent": true}}. A repeated greeting is skipped. The
 * process is always stopped.
 */
final class TargetRun {
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(10);
    /** Asked after the last step: its reply proves every event caused by the steps has arrived. */
    private static final String DRAIN_ID = "qmp-diff-drain";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    /**
     * A scenario names a path in the run's own directory with this (a socket a character device
     * listens on, say), so that two runs at once do not share it.
     */
    static final String RUN_DIR = "@RUN_DIR@";

    private final Path socket;
    private final Path dir;
    private final Process process;
    private final Path stderr;
    private final ArrayNode events = JSON.createArrayNode();
    private boolean stalled;

    private TargetRun(Scenario scenario, Path socket, Process process, Path stderr) {
        this.scenario = scenario;
        this.socket = socket;
        this.dir = socket.getParent();
        this.process = process;
        this.stderr = stderr;
    }

    /**
     * Makes the scenario's files in {@code dir}, starts {@code command} followed by the scenario's
     * arguments and the monitor options, runs the steps and stops it. {@code dir} holds the
     * files, the socket and the captured standard error.
     */
    static JsonNode run(List<String> command, Scenario scenario, Path dir) throws IOException, InterruptedException {
        Path socket = dir.resolve("qmp.sock");
        Path stderr = dir.resolve("stderr.txt");
        List<String> argv = new ArrayList<>(command);
        scenario.args().forEach(arg -> argv.add(arg.replace(RUN_DIR, dir.toString())));
        argv.addAll(List.of("-display", "none", "-accel", "tcg", "-qmp", "unix:" + socket + ",server=on,wait=off"));
        Files.deleteIfExists(socket); // a stale socket would look like a listening target
        scenario.makeFiles(dir);
        Process process = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        TargetRun run = new TargetRun(scenario, socket, process, stderr);
        try {
            // the socket's own path and the run's directory differ between any two runs
            return JSON.readTree(run.talk()
                    .toString()
                    .replace(socket.toString(), "<qmp-socket>")
                    .replace(dir.toString(), RUN_DIR));
        } finally {
            run.stop();
        }
    }

    private JsonNode talk() throws IOException, InterruptedException {
        QmpLink link = connect();
        if (link == null) {
            return startError();
        }
        try (link) {
            JsonNode greeting = link.next(STEP_TIMEOUT);
            if (greeting == null) {
                return JSON.createObjectNode().put("greeting-timeout", true);
            }
            if (QmpLink.isClosed(greeting)) { // it listened, then refused its command line
                process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return startError();
            }
            ObjectNode outcome = JSON.createObjectNode();
            JsonNode qmp = greeting.path("QMP");
            ObjectNode summary = outcome.putObject("greeting"); // the package string names the build: left out
            summary.set("version", qmp.path("version").path("qemu"));
            summary.set("capabilities", qmp.path("capabilities"));
            JsonNode negotiation = exchange(link, "{\"execute\": \"qmp_capabilities\"}");
            if (!negotiation.has("return")) {
                outcome.set("negotiation", negotiation);
            }
            ArrayNode replies = steps(link);
            if (refusedAfterListening(negotiation, replies)) {
                return startError();
            }
            outcome.set("replies", replies);
            if (!stalled) { // after a timeout the stream is out of step: nothing more is asked
                finish(link);
            }
            outcome.set("events", events);
            outcome.put("end", process.isAlive() ? "running" : "exited " + process.exitValue());
            return outcome;
        }
    }

    /**
     * Whether the target greeted, then exited with a failure by itself: QEMU checks parts of its
     * command line only after the monitor is up, so such a start-up error can come after the
     * greeting, and when exactly is a race. Comparing it as a start-up error keeps it deterministic.
     */
    private boolean refusedAfterListening(JsonNode negotiation, ArrayNode replies) throws InterruptedException {
        boolean closed = negotiation.has("connection");
        for (JsonNode reply : replies) {
            closed |= reply.has("connection");
        }
        return closed && process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() != 0;
    }

    private QmpLink connect() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return null;
            }
            try {
                return QmpLink.connect(socket);
            } catch (IOException notYet) {
                Thread.sleep(10);
            }
        }
        return null;
    }

    private ArrayNode steps(QmpLink link) throws InterruptedException {
        ArrayNode replies = JSON.createArrayNode();
        for (JsonNode step : scenario.steps()) {
            if (stalled) {
                replies.addObject().put("not-sent", true);
                continue;
            }
            JsonNode reply = exchange(link, Scenario.wireText(step).replace(RUN_DIR, dir.toString()));
            replies.add(reply);
            stalled = reply.has("timeout");
        }
        return replies;
    }

    /** Sends one line and returns the reply, collecting the events that come before it. */
    private JsonNode exchange(QmpLink link, String text) throws InterruptedException {
        try {
            link.send(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("connection", "closed");
        }
        while (true) {
            JsonNode message = link.next(STEP_TIMEOUT);
            if (message == null) {
                return JSON.createObjectNode().put("timeout", true);
            }
            if (QmpLink.isClosed(message)) {
                return JSON.createObjectNode().put("connection", "closed");
            }
            if (message.has("QMP")) {
                // QEMU now and then greets twice when a client connects while it is still
                // starting (seen with --preconfig under load): the repeat says nothing new
                continue;
            }
            if (!message.has("event")) {
                return message;
            }
            events.add(message);
        }
    }

    /**
     * Collects the events that follow the last reply. After {@code quit} the target closes the
     * connection by itself, so everything up to the end is read (and the exit awaited); otherwise
     * a harmless unknown command is asked and everything before its reply is kept.
     */
    private void finish(QmpLink link) throws InterruptedException {
        boolean quits = scenario.steps().stream()
                .anyMatch(step -> Scenario.command(step).orElse("").equals("quit"));
        if (quits) {
            for (JsonNode m = link.next(STEP_TIMEOUT); m != null && !QmpLink.isClosed(m); m = link.next(STEP_TIMEOUT)) {
                if (m.has("event")) {
                    events.add(m);
                }
            }
            process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        settle(link);
        exchange(link, "{\"execute\": \"" + DRAIN_ID + "\", \"id\": \"" + DRAIN_ID + "\"}");
    }

    /** Listens for the scenario's settle time, keeping the events that come (Scenario, settle-ms). */
    private void settle(QmpLink link) throws InterruptedException {
        long until = System.nanoTime() + scenario.settle().toNanos();
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            JsonNode message = link.next(Duration.ofNanos(left));
            if (message == null || QmpLink.isClosed(message)) {
                return;
            }
            if (message.has("event")) {
                events.add(message);
            }
        }
    }

    private JsonNode startError() throws IOException, InterruptedException {
        if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            return JSON.createObjectNode().put("start-timeout", true);
        }
        ObjectNode error = JSON.createObjectNode();
        error.putObject("start-error")
                .put("exit", process.exitValue())
                .put("stderr", withoutProgramName(Files.readString(stderr)));
        return error;
    }

    /**
     * Each line's leading {@code program: } goes: the two targets are different programs; a
     * {@code -msg timestamp=on} time before it becomes {@code @TIME@}, kept to be compared.
     */
    static String withoutProgramName(String text) {
        return text.replaceAll("(?m)^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z ", "@TIME@ ")
                .replaceAll("(?m)^(@TIME@ )?[^\\s:]+: ", "$1")
                .strip();
    }

    /** Stops the target and anything it started (a launcher script's JVM), waiting boundedly. */
    private void stop() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
