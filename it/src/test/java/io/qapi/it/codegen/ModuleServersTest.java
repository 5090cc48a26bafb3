package io.qapi.it.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpCaller;
import io.qapi.runtime.api.QmpError;
import io.qapi.runtime.client.QmpClient;
import io.qapi.runtime.server.QmpServer;
import io.qapi.runtime.transport.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server made of one schema module's server interface: its commands answer over a real QMP
 * connection, every other command of the schema answers {@code CommandNotFound} as QEMU does,
 * and {@code query-commands} lists exactly what is served. Clients come per module too, and
 * {@code Server}/{@code Client} compose them.
 */
class ModuleServersTest {
    private static final Map<String, String> SCHEMA = Map.of("schema.json", """
            { 'include': 'stock.json' }
            { 'struct': 'Price', 'data': { 'amount': 'number' } }
            { 'struct': 'CommandInfo', 'data': { 'name': 'str' } }
            { 'command': 'price-of', 'data': { 'item': 'str' }, 'returns': 'Price' }
            { 'command': 'query-commands', 'returns': [ 'CommandInfo' ], 'allow-preconfig': true }
            """, "stock.json", """
            { 'struct': 'StockLevel', 'data': { 'item': 'str', 'count': 'uint32' } }
            { 'command': 'query-stock', 'returns': [ 'StockLevel' ] }
            { 'command': 'take', 'data': { 'item': 'str', 'count': 'uint32' }, 'allow-oob': true }
            { 'command': 'stock-of', 'data': { 'item': 'str' }, 'returns': 'StockLevel' }
            """);

    private static CompiledCode code;

    @BeforeAll
    static void generate() {
        code = CompiledCode.compile(Generation.of("shop").generate(SCHEMA, "schema.json"), """
                package shop;

                import io.qapi.runtime.api.QmpError;
                import io.qapi.runtime.api.Command;
                import java.util.List;
                import java.util.Map;
                import java.util.TreeMap;
                import shop.stock.StockLevel;
                import shop.stock.StockServer;
                import shop.stock.StockOfArguments;
                import shop.stock.TakeArguments;

                /** Three commands of one module, nothing else. */
                public class StockKeeper implements StockServer {
                    private final Map<String, Long> stock = new TreeMap<>(Map.of("apple", 5L));

                    public static List<Command> table() {
                        return Dispatcher.of(new StockKeeper());
                    }

                    public static List<Command> twice() {
                        StockKeeper keeper = new StockKeeper();
                        return Dispatcher.of(keeper, keeper);
                    }

                    public static List<Command> stranger() {
                        return Dispatcher.of(new ModuleServer() { });
                    }

                    @Override
                    public List<StockLevel> queryStock() {
                        return stock.entrySet().stream().map(e -> new StockLevel(e.getKey(), e.getValue())).toList();
                    }

                    @Override
                    public void take(TakeArguments arguments) {
                        long left = stock.getOrDefault(arguments.item(), 0L) - arguments.count();
                        if (left < 0) {
                            throw QmpError.generic("Not enough " + arguments.item());
                        }
                        stock.put(arguments.item(), left);
                    }

                    @Override
                    public StockLevel stockOf(StockOfArguments arguments) {
                        return new StockLevel(arguments.item(), stock.getOrDefault(arguments.item(), 0L));
                    }
                }
                """);
    }

    @SuppressWarnings("unchecked")
    private static List<Command> table() {
        return (List<Command>) code.call("shop.StockKeeper", "table");
    }

    @Test
    void theTableHoldsTheModulesCommandsFlagsIncludedAndListsItself() {
        List<String> names = table().stream().map(Command::name).toList();
        assertEquals(List.of("query-stock", "take", "stock-of", "query-commands"), names);
        Command take = table().get(1);
        assertTrue(take.allowOob() && take.successResponse() && !take.allowPreconfig(), "take's flags");
        assertTrue(table().get(3).allowPreconfig(), "query-commands keeps the schema's flags");
    }

    @Test
    void overQmpTheModuleAnswersAndTheRestIsNotFound(@TempDir Path dir) throws Exception {
        Endpoint endpoint = Endpoint.unix(dir.resolve("qmp.sock"));
        try (QmpServer server = new QmpServer(table())) {
            server.listen(endpoint);
            try (QmpClient qmp = QmpClient.connect(endpoint)) {
                ObjectNode apple = Json.object();
                apple.put("item", "apple");
                assertEquals(5, call(qmp, "stock-of", apple).path("count").asInt());
                apple.put("count", 2);
                call(qmp, "take", apple);
                assertEquals(
                        "[{\"item\":\"apple\",\"count\":3}]",
                        call(qmp, "query-stock", null).toString());

                QmpError missing = failure(qmp, "price-of", apple);
                assertEquals("CommandNotFound", missing.errorClass());
                assertEquals("The command price-of has not been found", missing.desc());

                List<String> listed = new ArrayList<>();
                call(qmp, "query-commands", null)
                        .forEach(c -> listed.add(c.path("name").asText()));
                assertEquals(List.of("qmp_capabilities", "query-stock", "take", "stock-of", "query-commands"), listed);
            }
        }
    }

    private static JsonNode call(QmpClient qmp, String command, ObjectNode arguments) throws Exception {
        return qmp.call(command, arguments).get(10, TimeUnit.SECONDS);
    }

    private static QmpError failure(QmpClient qmp, String command, ObjectNode arguments) {
        CompletionException e = assertThrows(
                CompletionException.class,
                () -> qmp.call(command, arguments)
                        .orTimeout(10, TimeUnit.SECONDS)
                        .join());
        return (QmpError) e.getCause();
    }

    @Test
    void aModuleImplementedTwiceOrAServerOfNoModuleIsRefused() {
        IllegalArgumentException twice =
                assertThrows(IllegalArgumentException.class, () -> code.call("shop.StockKeeper", "twice"));
        assertEquals("two servers implement StockServer", twice.getMessage());
        IllegalArgumentException stranger =
                assertThrows(IllegalArgumentException.class, () -> code.call("shop.StockKeeper", "stranger"));
        assertTrue(stranger.getMessage().endsWith(" implements no module's server interface"), stranger.getMessage());
    }

    @Test
    void serverAndClientComposeTheModuleInterfaces() throws Exception {
        Class<?> stockServer = code.type("shop.stock.StockServer");
        Class<?> stockClient = code.type("shop.stock.StockClient");
        assertTrue(stockServer.isAssignableFrom(code.type("shop.Server")));
        assertTrue(stockClient.isAssignableFrom(code.type("shop.Client")));
        assertTrue(code.type("shop.ModuleServer").isAssignableFrom(stockServer));
        assertTrue(code.type("shop.SchemaServer").isAssignableFrom(code.type("shop.Server")));
        // a module's client alone, over any caller
        QmpCaller caller = (command, arguments) -> {
            ObjectNode level = Json.object();
            level.put("item", arguments.path("item").asText());
            level.put("count", 7);
            return CompletableFuture.completedFuture(level);
        };
        Object client = stockClient.getMethod("over", QmpCaller.class).invoke(null, caller);
        Object level = stockClient.getMethod("stockOf", String.class).invoke(client, "pear");
        assertEquals(7L, level.getClass().getMethod("count").invoke(level));
    }
}
