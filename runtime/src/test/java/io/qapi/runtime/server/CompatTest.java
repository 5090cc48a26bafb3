package io.qapi.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.transport.Endpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compat policy, as QEMU's {@code -compat} applies it, with QEMU's messages. */
class CompatTest {
    static final String SCHEMA = """
            [{"name": "old-cmd", "meta-type": "command", "arg-type": "0", "ret-type": "0", "features": ["deprecated"]},
             {"name": "x-exp", "meta-type": "command", "arg-type": "0", "ret-type": "0", "features": ["unstable"]},
             {"name": "set-mode", "meta-type": "command", "arg-type": "1", "ret-type": "3"},
             {"name": "OLD_EVENT", "meta-type": "event", "arg-type": "0", "features": ["deprecated"]},
             {"name": "CHANGED", "meta-type": "event", "arg-type": "3"},
             {"name": "0", "meta-type": "object", "members": []},
             {"name": "1", "meta-type": "object", "members": [
                {"name": "mode", "type": "2"},
                {"name": "legacy", "type": "str", "default": null, "features": ["deprecated"]}]},
             {"name": "2", "meta-type": "enum", "values": ["fast", "slow"],
              "members": [{"name": "fast"}, {"name": "slow", "features": ["deprecated"]}]},
             {"name": "3", "meta-type": "object", "members": [
                {"name": "now", "type": "int"},
                {"name": "was", "type": "int", "default": null, "features": ["deprecated"]}]},
             {"name": "int", "meta-type": "builtin", "json-type": "int"},
             {"name": "str", "meta-type": "builtin", "json-type": "string"}]""";

    @TempDir
    Path dir;
    QmpServer server;

    static List<Command> commands() {
        JsonNode result = Json.object().put("now", 2).put("was", 1);
        return List.of(
                new Command("old-cmd", List.of("deprecated"), true, false, true, (a, in) -> null),
                new Command("x-exp", List.of("unstable"), true, false, true, (a, in) -> null),
                new Command("set-mode", List.of(), true, false, true, (a, in) -> result));
    }

    RawConnection start(String policy) throws Exception {
        ServerOptions options = ServerOptions.builder().compat(CompatPolicy.parse(policy))
                .schema(new ObjectMapper().readTree(SCHEMA)).build();
        server = new QmpServer(commands(), options);
        return ServerFixture.negotiated(server.listen(Endpoint.unix(dir.resolve("qmp.sock"))), false);
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
        assertEquals(new CompatPolicy(CompatPolicy.Input.REJECT, CompatPolicy.Output.HIDE, CompatPolicy.Input.ACCEPT,
                CompatPolicy.Output.HIDE), CompatPolicy.parse("deprecated-input=reject,deprecated-output=hide,unstable-output=hide"));
        assertEquals(CompatPolicy.ACCEPT, CompatPolicy.parse(""));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CompatPolicy.parse("deprecated-input=crash"));
    }

    @Test
    void acceptIsTheDefault() throws Exception {
        try (RawConnection qmp = start("")) {
            assertEquals("{\"return\": {}}", ask(qmp, "{\"execute\": \"old-cmd\"}"));
            assertEquals("{\"return\": {\"now\": 2, \"was\": 1}}",
                    ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"slow\", \"legacy\": \"x\"}}"));
        }
    }

    @Test
    void rejectedInput() throws Exception {
        try (RawConnection qmp = start("deprecated-input=reject,unstable-input=reject")) {
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Deprecated command old-cmd disabled by "
                    + "policy\"}}", ask(qmp, "{\"execute\": \"old-cmd\"}"));
            assertEquals("{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"Unstable command x-exp disabled by "
                    + "policy\"}}", ask(qmp, "{\"execute\": \"x-exp\"}"));
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Deprecated parameter legacy disabled by "
                    + "policy\"}}", ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"fast\", \"legacy\": \"x\"}}"));
            assertEquals("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Deprecated value slow disabled by "
                    + "policy\"}}", ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"slow\"}}"));
            assertEquals("{\"return\": {\"now\": 2, \"was\": 1}}",
                    ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"fast\"}}"));
        }
    }

    @Test
    void hiddenOutput() throws Exception {
        try (RawConnection qmp = start("deprecated-output=hide")) {
            assertEquals("{\"return\": {\"now\": 2}}", ask(qmp, "{\"execute\": \"set-mode\", \"arguments\": {\"mode\": \"slow\"}}"));
            server.emit("OLD_EVENT", null);
            server.emit("CHANGED", Json.object().put("now", 2).put("was", 1));
            String event = qmp.text();
            assertTrue(event.endsWith("\"event\": \"CHANGED\", \"data\": {\"now\": 2}}"), event);
            assertNull(qmp.maybe(200));
        }
    }

    @Test
    void eventFeaturesWithoutASchema() throws IOException, InterruptedException, Exception {
        server = new QmpServer(commands(), ServerOptions.builder().compat(CompatPolicy.parse("unstable-output=hide")).build());
        try (RawConnection qmp = ServerFixture.negotiated(server.listen(Endpoint.unix(dir.resolve("qmp.sock"))), false)) {
            server.emit("X_EXPERIMENT", null, List.of("unstable"));
            server.emit("PLAIN", null, List.of());
            assertTrue(qmp.text().endsWith("\"event\": \"PLAIN\"}"));
        }
    }
}
