package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpCaller;
import io.qapi.runtime.api.QmpError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typed client over a {@code QmpCaller}: what it sends, how it reads replies (leniently,
 * so that a newer QEMU's additions survive), errors, and the client talking to the generated
 * dispatcher of the same schema.
 */
class ClientTest {
    private static final String SCHEMA = """
            { 'enum': 'State', 'data': [ 'idle', 'busy' ] }
            { 'struct': 'Info', 'data': { 'name': 'str', 'state': 'State', '*size': 'size' } }
            { 'command': 'query-info', 'returns': 'Info' }
            { 'command': 'query-all', 'returns': [ 'Info' ] }
            { 'command': 'rename', 'data': { 'name': 'str', '*force': 'bool' }, 'returns': 'Info' }
            { 'command': 'halt', 'success-response': false }
            """;

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("cl").generate(SCHEMA), """
                package cl;

                import com.fasterxml.jackson.databind.JsonNode;
                import io.qapi.runtime.api.QmpCaller;
                import io.qapi.runtime.api.Command;
                import java.util.List;
                import java.util.Optional;

                public class Probe {
                    public static Info queryInfo(QmpCaller caller) {
                        return Client.over(caller).queryInfo();
                    }

                    public static List<Info> queryAll(QmpCaller caller) {
                        return Client.over(caller).queryAll();
                    }

                    public static Info rename(QmpCaller caller, String name) {
                        return Client.over(caller).rename(name);
                    }

                    public static Info renameForcibly(QmpCaller caller, String name) {
                        return Client.over(caller).rename(new RenameArguments(name, Optional.of(true)));
                    }

                    public static void halt(QmpCaller caller) {
                        Client.over(caller).halt();
                    }

                    /** A server that renames by upper-casing, for the client to talk to. */
                    public static List<Command> server() {
                        return Dispatcher.commands(new Server() {
                            @Override
                            public Info queryInfo() {
                                return new Info("x", State.IDLE, Optional.empty());
                            }

                            @Override
                            public List<Info> queryAll() {
                                return List.of();
                            }

                            @Override
                            public Info rename(RenameArguments arguments) {
                                return new Info(arguments.name().toUpperCase(), State.BUSY, Optional.of(1L));
                            }

                            @Override
                            public void halt() {
                            }
                        });
                    }
                }
                """);
    }

    /** A caller that records each call and answers with a fixed reply. */
    private static final class Recording implements QmpCaller {
        final List<String> sent = new ArrayList<>();
        private final JsonNode reply;

        Recording(String reply) {
            this.reply = JsonText.parse(reply);
        }

        @Override
        public CompletableFuture<JsonNode> call(String command, ObjectNode arguments) {
            sent.add(command + " " + arguments);
            return CompletableFuture.completedFuture(reply);
        }
    }

    @Test
    void aCommandWithoutArgumentsSendsNone() {
        Recording caller = new Recording("{ 'name': 'a', 'state': 'idle' }");
        Object info = code.call("cl.Probe", "queryInfo", caller);
        assertEquals(List.of("query-info null"), caller.sent);
        JsonText.assertEquivalent("{ 'name': 'a', 'state': 'idle' }", CompiledCode.toJson(info));
    }

    @Test
    void theMandatoryArgumentsOnlyCallLeavesOptionalOnesOut() {
        Recording caller = new Recording("{ 'name': 'b', 'state': 'busy' }");
        code.call("cl.Probe", "rename", caller, "b");
        code.call("cl.Probe", "renameForcibly", caller, "c");
        assertEquals(List.of("rename {\"name\":\"b\"}", "rename {\"name\":\"c\",\"force\":true}"), caller.sent);
    }

    @Test
    void repliesAreReadLenientlySoANewerQemusAdditionsSurvive() {
        String reply = "[ { 'name': 'a', 'state': 'migrating', 'size': 1, 'since': 'v12' } ]";
        List<?> all = (List<?>) code.call("cl.Probe", "queryAll", new Recording(reply));
        JsonText.assertEquivalent(reply, CompiledCode.toJson(all));
    }

    @Test
    void anErrorReplyIsThrownAsTheQmpErrorItIs() {
        QmpError error = new QmpError("CommandNotFound", "The command query-info has not been found");
        QmpCaller failing = (command, arguments) -> CompletableFuture.failedFuture(error);
        assertEquals(error, assertThrows(QmpError.class, () -> code.call("cl.Probe", "queryInfo", failing)));
    }

    @Test
    void aCommandWithoutASuccessReplyDoesNotWaitForOne() {
        // QEMU sends nothing when 'halt' succeeds: a caller's future for it never completes.
        List<String> sent = new ArrayList<>();
        QmpCaller silent = (command, arguments) -> {
            sent.add(command);
            return new CompletableFuture<>();
        };
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> code.call("cl.Probe", "halt", silent));
        assertEquals(List.of("halt"), sent);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClientTalksToTheDispatcherOfTheSameSchema() {
        List<Command> server = (List<Command>) code.call("cl.Probe", "server");
        QmpCaller loopback = (command, arguments) -> {
            Command c = server.stream()
                    .filter(s -> s.name().equals(command))
                    .findFirst()
                    .orElseThrow();
            ObjectNode args = arguments == null ? io.qapi.runtime.api.Json.object() : arguments;
            return CompletableFuture.completedFuture(c.handler().run(args, Input.STRICT));
        };
        Object info = code.call("cl.Probe", "rename", loopback, "quiet");
        JsonText.assertEquivalent("{ 'name': 'QUIET', 'state': 'busy', 'size': 1 }", CompiledCode.toJson(info));
        JsonText.assertEquivalent(
                "{ 'name': 'x', 'state': 'idle' }", CompiledCode.toJson(code.call("cl.Probe", "queryInfo", loopback)));
    }
}
