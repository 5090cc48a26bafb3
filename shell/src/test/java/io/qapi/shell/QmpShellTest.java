package io.qapi.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-interactive shell end to end: the command line against an in-process QMP server. */
class QmpShellTest {
    @TempDir
    Path dir;

    FakeQemu qemu;

    /** What one run of the command line printed, and its exit status. */
    record Run(int status, String out, String err) {}

    private Run shell(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = QmpShell.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String socket(boolean withSchema) throws Exception {
        qemu = new FakeQemu(dir.resolve("qmp.sock"), withSchema);
        return dir.resolve("qmp.sock").toString();
    }

    @AfterEach
    void stop() {
        if (qemu != null) {
            qemu.close();
        }
    }

    /** The top-level JSON values printed, each as its "event" name or its first member's name. */
    private static List<String> messages(String out) throws Exception {
        List<String> kinds = new ArrayList<>();
        for (MappingIterator<JsonNode> it =
                        new JsonMapper().readerFor(JsonNode.class).readValues(out);
                it.hasNext(); ) {
            JsonNode message = it.next();
            kinds.add(
                    message.has("event")
                            ? message.get("event").asText()
                            : message.fieldNames().next());
        }
        return kinds;
    }

    @Test
    void commandsFromStandardInputWithRepliesAndEventsInWireOrder() throws Exception {
        String socket = socket(true);
        Run run = shell("""
                # a script
                query-status

                cont
                stop
                {"execute": "qom-get", "arguments": {"path": "/machine", "property": "type"}}
                """, socket);
        assertEquals(0, run.status(), run.err());
        assertEquals(List.of("query-status", "cont", "stop", "qom-get"), qemu.commandsRun());
        assertEquals(List.of("return", "RESUME", "return", "STOP", "return", "return"), messages(run.out()));
        assertTrue(run.out().startsWith("""
                {
                    "return": {
                        "status": "prelaunch",
                        "running": false
                    }
                }
                {
                    "timestamp": {"""), run.out());
        assertTrue(run.out().endsWith("""
                    "event": "STOP"
                }
                {
                    "return": {}
                }
                {
                    "return": "none-machine"
                }
                """), run.out());
        assertEquals("", run.err());
    }

    @Test
    void stopsAtTheFirstErrorReply() throws Exception {
        String socket = socket(true);
        Run run = shell("", socket, "-c", "stop", "-c", "qom-get path=/nowhere property=type", "-c", "cont");
        assertEquals(1, run.status());
        assertEquals(List.of("stop", "qom-get"), qemu.commandsRun(), "nothing after the failure");
        assertTrue(run.out().endsWith("""
                {
                    "error": {
                        "class": "DeviceNotFound",
                        "desc": "Device '/nowhere' not found"
                    }
                }
                """), run.out());
    }

    @Test
    void aLocallyRefusedCommandSendsNothingAndStops() throws Exception {
        String socket = socket(true);
        Run run = shell("stop\nqom-get path=/machine\ncont\n", socket);
        assertEquals(1, run.status());
        assertEquals("<stdin>:2: Parameter 'property' is missing\n", run.err());
        assertEquals(List.of("stop"), qemu.commandsRun());
    }

    @Test
    void keepGoingRunsEverythingAndStillFails() throws Exception {
        String socket = socket(true);
        Path script = dir.resolve("script.qmp");
        Files.writeString(script, """
                device_add driver=e1000 id=1
                qom-get path=/machine property=type size=1
                cont
                """);
        Run run = shell("", socket, "--keep-going", "--compact", "-f", script.toString());
        assertEquals(1, run.status());
        assertEquals(List.of("device_add", "cont"), qemu.commandsRun());
        assertEquals(
                "{\"driver\":\"e1000\",\"id\":\"1\"}",
                qemu.calls.get(1).arguments().toString(),
                "the bare word 1 is sent as the string id");
        assertEquals(script + ":2: Parameter 'size' is unexpected\n", run.err());
        assertTrue(
                run.out()
                        .startsWith(
                                "{\"error\": {\"class\": \"GenericError\", "
                                        + "\"desc\": \"No 'PCI' bus found for device 'e1000'\"}}\n{\"timestamp\": {\"seconds\": "),
                run.out());
        assertTrue(run.out().endsWith("\"event\": \"RESUME\"}\n{\"return\": {}}\n"), run.out());
    }

    @Test
    void withoutCheckingTheServerJudges() throws Exception {
        String socket = socket(true);
        Run run = shell("", socket, "--no-check", "-c", "qom-get path=/machine");
        assertEquals(1, run.status());
        assertTrue(run.out().contains("\"desc\": \"Parameter 'property' is missing\""), run.out());
        assertEquals(List.of("qom-get"), qemu.commandsRun());
    }

    @Test
    void aServerWithoutSchemaIsTalkedToUnchecked() throws Exception {
        String socket = socket(false);
        Run run = shell("", socket, "-c", "stop");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.err().startsWith("qmp-shell: query-qmp-schema failed: "), run.err());
        assertEquals(List.of("stop"), qemu.commandsRun());
    }

    @Test
    void noServerIsAConnectionFailure() {
        Run run = shell("", dir.resolve("nobody.sock").toString(), "-c", "stop");
        assertEquals(3, run.status());
        assertTrue(run.err().startsWith("qmp-shell: cannot talk QMP to unix:" + dir.resolve("nobody.sock")), run.err());
    }

    @Test
    void endpoints() {
        assertEquals("unix:qmp.sock", QmpShell.endpoint("qmp.sock").toString());
        assertEquals("unix:/run/qmp.sock", QmpShell.endpoint("/run/qmp.sock").toString());
        assertEquals("tcp:localhost:4444", QmpShell.endpoint("localhost:4444").toString());
        assertEquals("tcp:[::1]:4444", QmpShell.endpoint("[::1]:4444").toString());
        assertEquals(2, shell("", "localhost:port", "-c", "stop").status());
    }
}
