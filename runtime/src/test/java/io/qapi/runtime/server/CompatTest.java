package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The compat policy, as QEMU's {@code -compat} applies it, with QEMU's messages: each input
 * policy (accept, reject, crash) and each output policy (accept, hide), for {@code deprecated}
 * and for {@code unstable}, on a command, an argument, an enum value, an output member and an
 * event.
 */
class CompatTest {
    static final String SCHEMA = """
            [{"name": "old-cmd", "meta-type": "command", "arg-type": "0", "ret-type": "0", "features": ["deprecated"]},
             {"name": "x-exp", "meta-type": "command", "arg-type": "0", "ret-type": "0", "features": ["unstable"]},
             {"name": "set-mode", "meta-type": "command", "arg-type": "1", "ret-type": "3"},
             {"name": "OLD_EVENT", "meta-type": "event", "arg-type": "0", "features": ["deprecated"]},
             {"name": "X_EVENT", "meta-type": "event", "arg-type": "0", "features": ["unstable"]},
             {"name": "CHANGED", "meta-type": "event", "arg-type": "3"},
             {"name": "0", "meta-type": "object", "members": []},
             {"name": "1", "meta-type": "object", "members": [
                {"name": "mode", "type": "2"},
                {"name": "legacy", "type": "str", "default": null, "features": ["deprecated"]},
                {"name": "x-probe", "type": "str", "default": null, "features": ["unstable"]}]},
             {"name": "2", "meta-type": "enum", "values": ["fast", "slow", "turbo"],
              "members": [{"name": "fast"}, {"name": "slow", "features": ["deprecated"]},
                          {"name": "turbo", "features": ["unstable"]}]},
             {"name": "3", "meta-type": "object", "members": [
                {"name": "now", "type": "int"},
                {"name": "was", "type": "int", "default": null, "features": ["deprecated"]},
                {"name": "x-next", "type": "int", "default": null, "features": ["unstable"]}]},
             {"name": "int", "meta-type": "builtin", "json-type": "int"},
             {"name": "str", "meta-type": "builtin", "json-type": "string"}]""";

    @TempDir
    Path dir;

    QmpServer server;
    Endpoint endpoint;
    final BlockingQueue<String> crashes = new LinkedBlockingQueue<>();

    static JsonNode result() {
        return Json.object().put("now", 2).put("was", 1).put("x-next", 3);
    }

    static List<Command> commands() {
        return List.of(
                new Command("old-cmd", List.of("deprecated"), true, false, true, (a, in) -> null),
                new Command("x-exp", List.of("unstable"), true, false, true, (a, in) -> null),
                new Command("set-mode", List.of(), true, false, true, (a, in) -> result()));
    }

    RawConnection start(String policy) throws Exception {
        ServerOptions options = ServerOptions.builder()
                .compat(CompatPolicy.parse(policy))
                .schema(new ObjectMapper().readTree(SCHEMA))
                .compatCrash((session, what) -> crashes.add(what))
                .build();
        server = new QmpServer(commands(), options);
        endpoint = server.listen(Endpoint.unix(dir.resolve("qmp.sock")));
        return ServerFixture.negotiated(endpoint, false);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static String ask(RawConnection qmp, String request) throws Exception {
        qmp.send(request);
        return qmp.text();
    }

    @Test
    void qemuSyntax() {
        assertEquals(
                new CompatPolicy(
                        CompatPolicy.Input.REJECT,
                        CompatPolicy.Output.HIDE,
                        CompatPolicy.Input.CRASH,
                        CompatPolicy.Output.HIDE),
                CompatPolicy.parse(
                        "deprecated-input=reject,deprecated-output=hide,unstable-input=crash,unstable-output=hide"));
        assertEquals(CompatPolicy.ACCEPT, CompatPolicy.parse(""));
        assertEquals(
                "Parameter 'deprecated-output' does not accept value 'crash'",
                assertThrows(IllegalArgumentException.class, () -> CompatPolicy.parse("deprecated-output=crash"))
                        .getMessage());
        assertEquals(
                "Parameter 'deprecated-input' does not accept value 'REJECT'",
                assertThrows(IllegalArgumentException.class, () -> CompatPolicy.parse("deprecated-input=REJECT"))
                        .getMessage());
        assertEquals(
                "Parameter 'stable-input' is unexpected",
                assertThrows(IllegalArgumentException.class, () -> CompatPolicy.parse("stable-input=reject"))
                        .getMessage());
    }

    /** The three requests that carry {@code feature}: a command, an argument, an enum value. */
    private static List<String> requests(String command, String argument, String value) {
        return List.of(
                "{\"execute\": \"" + command + "\"}",
                "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"fast\", \"" + argument + "\": \"x\"}}",
                "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"" + value + "\"}}");
    }

    private static final String ACCEPTED = "{\"return\": {}}";
    /** set-mode's reply, members in QEMU's order. */
    private static final String SET = "{\"return\": {\"x-next\": 3, \"now\": 2, \"was\": 1}}";

    @ParameterizedTest(name = "{0}-input=accept")
    @CsvSource({"deprecated, old-cmd, legacy, slow", "unstable, x-exp, x-probe, turbo"})
    void acceptedInput(String feature, String command, String argument, String value) throws Exception {
        try (RawConnection qmp = start(feature + "-input=accept")) {
            List<String> requests = requests(command, argument, value);
            assertEquals(ACCEPTED, ask(qmp, requests.get(0)));
            assertEquals(SET, ask(qmp, requests.get(1)));
            assertEquals(SET, ask(qmp, requests.get(2)));
        }
    }

    @ParameterizedTest(name = "{0}-input=reject")
    @CsvSource({
        "deprecated, Deprecated, old-cmd, legacy, slow, x-exp, x-probe, turbo",
        "unstable, Unstable, x-exp, x-probe, turbo, old-cmd, legacy, slow"
    })
    void rejectedInput(
            String feature,
            String adjective,
            String command,
            String argument,
            String value,
            String otherCommand,
            String otherArgument,
            String otherValue)
            throws Exception {
        try (RawConnection qmp = start(feature + "-input=reject")) {
            List<String> requests = requests(command, argument, value);
            assertEquals(
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"" + adjective + " command " + command
                            + " disabled by policy\"}}",
                    ask(qmp, requests.get(0)));
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + adjective + " parameter " + argument
                            + " disabled by policy\"}}",
                    ask(qmp, requests.get(1)));
            assertEquals(
                    "{\"error\": {\"class\": \"GenericError\", \"desc\": \"" + adjective + " value " + value
                            + " disabled by policy\"}}",
                    ask(qmp, requests.get(2)));
            List<String> others = requests(otherCommand, otherArgument, otherValue);
            assertEquals(ACCEPTED, ask(qmp, others.get(0)), "the other feature's input is accepted");
            assertEquals(SET, ask(qmp, others.get(1)));
            assertEquals(SET, ask(qmp, others.get(2)));
        }
    }

    /**
     * Where QEMU aborts, the server hands the input to its crash handler and ends the session
     * without a reply; other sessions go on (the library does not end the process).
     */
    @ParameterizedTest(name = "{0}-input=crash")
    @CsvSource({"deprecated, Deprecated, old-cmd, legacy, slow", "unstable, Unstable, x-exp, x-probe, turbo"})
    void crashingInput(String feature, String adjective, String command, String argument, String value)
            throws Exception {
        try (RawConnection bystander = start(feature + "-input=crash")) {
            List<String> requests = requests(command, argument, value);
            List<String> what = List.of("command " + command, "parameter " + argument, "value " + value);
            for (int i = 0; i < 3; i++) {
                try (RawConnection qmp = ServerFixture.negotiated(endpoint, false)) {
                    qmp.send(requests.get(i));
                    assertTrue(qmp.closedByPeer(5000), "the session that sent " + requests.get(i) + " goes on");
                    assertNull(qmp.maybe(0), "no reply");
                }
                assertEquals(
                        adjective + " " + what.get(i) + " is used under " + feature + "-input=crash",
                        crashes.poll(5, TimeUnit.SECONDS));
            }
            assertEquals(SET, ask(bystander, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"fast\"}}"));
        }
    }

    @Test
    void rejectIsLookedAtBeforeCrashAsQemuLooksAtDeprecationFirst() throws Exception {
        server = new QmpServer(
                List.of(new Command("x-old", List.of("deprecated", "unstable"), true, false, true, (a, in) -> null)),
                ServerOptions.builder()
                        .compat(CompatPolicy.parse("deprecated-input=reject,unstable-input=crash"))
                        .compatCrash((s, what) -> crashes.add(what))
                        .build());
        try (RawConnection qmp =
                ServerFixture.negotiated(server.listen(Endpoint.unix(dir.resolve("qmp.sock"))), false)) {
            assertEquals(
                    "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Deprecated command x-old disabled by "
                            + "policy\"}}",
                    ask(qmp, "{\"execute\": \"x-old\"}"));
            assertTrue(crashes.isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}-output={1}")
    @CsvSource({
        "deprecated, accept, OLD_EVENT, X_EVENT, '{\"x-next\": 3, \"now\": 2, \"was\": 1}'",
        "deprecated, hide, OLD_EVENT, X_EVENT, '{\"x-next\": 3, \"now\": 2}'",
        "unstable, accept, X_EVENT, OLD_EVENT, '{\"x-next\": 3, \"now\": 2, \"was\": 1}'",
        "unstable, hide, X_EVENT, OLD_EVENT, '{\"now\": 2, \"was\": 1}'"
    })
    void output(String feature, String policy, String event, String otherEvent, String shown) throws Exception {
        try (RawConnection qmp = start(feature + "-output=" + policy)) {
            assertEquals(
                    "{\"return\": " + shown + "}",
                    ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"fast\"}}"));
            server.emit(event, null);
            server.emit(otherEvent, null);
            server.emit("CHANGED", (com.fasterxml.jackson.databind.node.ObjectNode) result());
            if (policy.equals("accept")) {
                assertTrue(qmp.text().endsWith("\"event\": \"" + event + "\"}"));
            }
            assertTrue(qmp.text().endsWith("\"event\": \"" + otherEvent + "\"}"));
            String changed = qmp.text();
            assertTrue(changed.endsWith("\"event\": \"CHANGED\", \"data\": " + shown + "}"), changed);
            assertNull(qmp.maybe(200));
        }
    }

    @Test
    void eventFeaturesWithoutASchema() throws Exception {
        server = new QmpServer(
                commands(),
                ServerOptions.builder()
                        .compat(CompatPolicy.parse("unstable-output=hide"))
                        .build());
        try (RawConnection qmp =
                ServerFixture.negotiated(server.listen(Endpoint.unix(dir.resolve("qmp.sock"))), false)) {
            server.emit("X_EXPERIMENT", null, List.of("unstable"));
            server.emit("PLAIN", null, List.of());
            assertTrue(qmp.text().endsWith("\"event\": \"PLAIN\"}"));
        }
    }
}
