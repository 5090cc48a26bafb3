package io.qapi.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.transport.Endpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * A run of the shell against a server of its own, for the launcher to record which classes a
 * run loads (its class-data-sharing archive): the command line, a session with a schema,
 * replies, an event, a refused command, completion, and a line reader.
 */
final class WarmUp {
    private static final String SCHEMA = """
            [{"name": "stop", "meta-type": "command", "arg-type": "0", "ret-type": "0"},
             {"name": "qom-get", "meta-type": "command", "arg-type": "1", "ret-type": "any"},
             {"name": "query-qmp-schema", "meta-type": "command", "arg-type": "0", "ret-type": "any"},
             {"name": "STOP", "meta-type": "event", "arg-type": "0"},
             {"name": "0", "meta-type": "object", "members": []},
             {"name": "1", "meta-type": "object", "members": [{"name": "path", "type": "str"},
                 {"name": "property", "type": "str"}, {"name": "mode", "type": "2", "default": null}]},
             {"name": "2", "meta-type": "enum", "values": ["a", "b"]},
             {"name": "str", "meta-type": "builtin", "json-type": "string"},
             {"name": "any", "meta-type": "builtin", "json-type": "value"}]""";

    private WarmUp() {}

    public static void main(String[] args) throws IOException {
        JsonNode schema = new JsonMapper().readTree(SCHEMA);
        Path dir = Files.createTempDirectory("qmp-shell-warm-up");
        Path socket = dir.resolve("qmp.sock");
        QmpServer[] server = new QmpServer[1];
        List<Command> commands = List.of(
                Command.named("query-qmp-schema").handler((arguments, in) -> schema),
                Command.named("stop").handler((arguments, in) -> {
                    server[0].emit("STOP", null);
                    return Json.object();
                }),
                Command.named("qom-get").handler((arguments, in) -> Json.string("warm")));
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        int status;
        try (QmpServer running = new QmpServer(commands)) {
            server[0] = running;
            running.listen(Endpoint.unix(socket));
            String script = "stop\n{\"execute\": \"qom-get\", \"arguments\": {\"path\": \"/\", \"property\": \"x\"}}\n"
                    + "qom-get path=/ property=x mode=a\nqom-get path=/ mode=c\n";
            status = QmpShell.run(
                    new String[] {socket.toString(), "--keep-going"},
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                    nowhere,
                    nowhere,
                    false);
            Completions completions = new Completions(ServerSchema.of(schema));
            completions.complete("qom");
            completions.complete("qom-get path=/ mode=");
            try (Terminal terminal = TerminalBuilder.builder()
                    .system(false)
                    .type(Terminal.TYPE_DUMB)
                    .streams(new ByteArrayInputStream(new byte[0]), nowhere)
                    .build()) {
                LineReaderBuilder.builder().terminal(terminal).build();
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        // One command was refused on purpose; anything else is a failed warm-up.
        System.exit(status == ScriptRunner.COMMAND_FAILED ? 0 : 1);
    }
}
