package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command table {@code Dispatcher} makes of a {@code Server} implementation: each
 * command's flags and features from the schema, arguments decoded strictly before the
 * implementation runs, results encoded, and the implementation's errors passed on.
 */
class DispatcherTest {
    private static final String SCHEMA = """
            { 'struct': 'Info', 'data': { 'name': 'str', '*size': 'size' } }
            { 'enum': 'RequestKind', 'data': [ 'plain', 'fancy' ] }
            { 'struct': 'Fancy', 'data': { 'level': 'uint8' } }
            { 'union': 'Request', 'base': { 'kind': 'RequestKind' },
              'discriminator': 'kind', 'data': { 'fancy': 'Fancy' } }
            { 'command': 'ping' }
            { 'command': 'query-info', 'returns': 'Info' }
            { 'command': 'set-name', 'data': { 'name': 'str', '*force': 'bool' },
              'returns': 'Info' }
            { 'command': 'submit', 'data': 'Request', 'boxed': true, 'returns': [ 'Info' ] }
            { 'command': 'power-off', 'success-response': false }
            { 'command': 'poke', 'allow-oob': true, 'allow-preconfig': true,
              'features': [ 'deprecated' ] }
            { 'command': 'x-try', 'features': [ 'unstable', 'shiny' ] }
            { 'command': 'passthrough', 'data': { 'driver': 'str' }, 'gen': false }
            { 'command': 'remove', 'data': { 'id': 'str' } }
            """;

    private static CompiledCode code;
    private static List<Command> table;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void generate() {
        code = CompiledCode.compile(Generation.of("disp").generate(SCHEMA), """
                package disp;

                import com.fasterxml.jackson.databind.JsonNode;
                import com.fasterxml.jackson.databind.node.ObjectNode;
                import io.qapi.runtime.api.QmpError;
                import io.qapi.runtime.api.Command;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Optional;

                /** A server that records what it was asked. */
                public class Probe implements Server {
                    private static final List<String> CALLS = new ArrayList<>();

                    public static List<Command> table() {
                        return Dispatcher.commands(new Probe());
                    }

                    public static List<String> takeCalls() {
                        List<String> calls = List.copyOf(CALLS);
                        CALLS.clear();
                        return calls;
                    }

                    @Override
                    public void ping() {
                        CALLS.add("ping");
                    }

                    @Override
                    public Info queryInfo() {
                        return new Info("disk0", Optional.of(-1L));
                    }

                    @Override
                    public Info setName(SetNameArguments arguments) {
                        CALLS.add("set-name " + arguments.name() + " " + arguments.force());
                        return new Info(arguments.name(), Optional.empty());
                    }

                    @Override
                    public List<Info> submit(Request request) {
                        CALLS.add("submit " + request.branch().getClass().getSimpleName());
                        if (request.branch() instanceof Request.Fancy fancy) {
                            return List.of(new Info("fancy", Optional.of((long) fancy.value().level())));
                        }
                        return List.of();
                    }

                    @Override
                    public void powerOff() {
                        CALLS.add("power-off");
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public void poke() {
                        CALLS.add("poke");
                    }

                    @Override
                    public void xTry() {
                        CALLS.add("x-try");
                    }

                    @Override
                    public JsonNode passthrough(ObjectNode arguments) {
                        CALLS.add("passthrough " + arguments);
                        return arguments.get("echo");
                    }

                    @Override
                    public void remove(RemoveArguments arguments) {
                        throw new QmpError(QmpError.DEVICE_NOT_FOUND, "Device '" + arguments.id() + "' not found");
                    }
                }
                """);
        table = (List<Command>) code.call("disp.Probe", "table");
    }

    @BeforeEach
    void forgetCalls() {
        code.call("disp.Probe", "takeCalls");
    }

    private static Command command(String name) {
        return table.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no command " + name));
    }

    private static JsonNode run(String name, String arguments) {
        return command(name).handler().run((ObjectNode) JsonText.parse(arguments), Input.STRICT);
    }

    private static List<?> calls() {
        return (List<?>) code.call("disp.Probe", "takeCalls");
    }

    @Test
    void everyCommandInSchemaOrder() {
        assertEquals(
                List.of(
                        "ping",
                        "query-info",
                        "set-name",
                        "submit",
                        "power-off",
                        "poke",
                        "x-try",
                        "passthrough",
                        "remove"),
                table.stream().map(Command::name).toList());
    }

    @Test
    void flagsAndFeaturesComeFromTheSchema() {
        Command poke = command("poke");
        assertTrue(poke.allowOob());
        assertTrue(poke.allowPreconfig());
        assertTrue(poke.deprecated());
        assertEquals(List.of("deprecated"), poke.features());
        Command ping = command("ping");
        assertFalse(ping.allowOob() || ping.allowPreconfig() || ping.deprecated() || ping.unstable());
        assertTrue(ping.successResponse());
        assertFalse(command("power-off").successResponse());
        assertTrue(command("x-try").unstable());
        assertEquals(List.of("unstable", "shiny"), command("x-try").features());
    }

    @Test
    void aCommandWithoutArgumentsOrResultReturnsAnEmptyObject() {
        JsonText.assertEquivalent("{ }", run("ping", "{ }"));
        assertEquals(List.of("ping"), calls());
    }

    @Test
    void aCommandWithoutArgumentsRejectsAny() {
        QmpError e = assertThrows(QmpError.class, () -> run("ping", "{ 'force': true }"));
        assertEquals("Parameter 'force' is unexpected", e.desc());
        assertEquals(List.of(), calls());
    }

    @Test
    void theResultIsEncoded() {
        JsonText.assertEquivalent("{ 'name': 'disk0', 'size': 18446744073709551615 }", run("query-info", "{ }"));
    }

    @Test
    void argumentsAreDecodedForTheImplementation() {
        JsonText.assertEquivalent("{ 'name': 'n' }", run("set-name", "{ 'name': 'n', 'force': true }"));
        run("set-name", "{ 'name': 'm' }");
        assertEquals(List.of("set-name n Optional[true]", "set-name m Optional.empty"), calls());
    }

    @Test
    void badArgumentsFailWithQemusMessageBeforeTheImplementationRuns() {
        assertEquals(
                "Parameter 'name' is missing",
                assertThrows(QmpError.class, () -> run("set-name", "{ }")).desc());
        assertEquals(
                "Invalid parameter type for 'force', expected: boolean",
                assertThrows(QmpError.class, () -> run("set-name", "{ 'name': 'n', 'force': 1 }"))
                        .desc());
        assertEquals(
                "Parameter 'nmae' is unexpected",
                assertThrows(QmpError.class, () -> run("set-name", "{ 'name': 'n', 'nmae': 'n' }"))
                        .desc());
        assertEquals(List.of(), calls());
    }

    @Test
    void boxedUnionArguments() {
        JsonText.assertEquivalent(
                "[ { 'name': 'fancy', 'size': 3 } ]", run("submit", "{ 'kind': 'fancy', 'level': 3 }"));
        JsonText.assertEquivalent("[ ]", run("submit", "{ 'kind': 'plain' }"));
        assertEquals(List.of("submit Fancy", "submit Plain"), calls());
        assertEquals(
                "Parameter 'kind' does not accept value 'odd'",
                assertThrows(QmpError.class, () -> run("submit", "{ 'kind': 'odd' }"))
                        .desc());
        assertEquals(
                "Parameter 'level' expects uint8_t",
                assertThrows(QmpError.class, () -> run("submit", "{ 'kind': 'fancy', 'level': 300 }"))
                        .desc());
    }

    @Test
    void theImplementationsErrorIsPassedOnAsItIs() {
        QmpError e = assertThrows(QmpError.class, () -> run("remove", "{ 'id': 'nic1' }"));
        assertEquals(QmpError.DEVICE_NOT_FOUND, e.errorClass());
        assertEquals("Device 'nic1' not found", e.desc());
    }

    @Test
    void aCommandWithoutMarshallingGetsItsArgumentsAsJson() {
        ObjectNode arguments = (ObjectNode) JsonText.parse("{ 'driver': 'e1000', 'mac': 5, 'echo': [ 1 ] }");
        JsonNode result = command("passthrough").handler().run(arguments, Input.STRICT);
        assertSame(arguments.get("echo"), result);
        assertEquals(List.of("passthrough {\"driver\":\"e1000\",\"mac\":5,\"echo\":[1]}"), calls());
    }
}
