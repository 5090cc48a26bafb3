package org.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qapi.runtime.api.Command;
import io.qapi.runtime.api.Input;
import io.qapi.runtime.api.Json;
import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.example.shop.api.Client;
import org.example.shop.api.Currency;
import org.example.shop.api.Dispatcher;
import org.example.shop.api.stock.StockClient;
import org.junit.jupiter.api.Test;

/** The generated client against the generated server, through JSON, in one process. */
class ShopTest {
    private final List<Command> commands = Dispatcher.commands(new Shop());

    /** What a QMP connection does, minus the socket: find the command, run it, fail like QEMU. */
    private CompletableFuture<JsonNode> call(String name, ObjectNode arguments) {
        return call(commands, name, arguments);
    }

    private static CompletableFuture<JsonNode> call(List<Command> commands, String name, ObjectNode arguments) {
        for (Command c : commands) {
            if (c.name().equals(name)) {
                try {
                    return CompletableFuture.completedFuture(
                            c.handler().run(arguments == null ? Json.object() : arguments, Input.STRICT));
                } catch (QmpError e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        }
        return CompletableFuture.failedFuture(new QmpError("CommandNotFound", "The command " + name + " has not been found"));
    }

    @Test
    void clientAndServerAgree() {
        Client client = Client.over(this::call);
        client.restock("apple", 3);
        client.restock("apple", 2);
        assertEquals(5, client.queryStock().get(0).count());
        assertEquals(Currency.EUR, client.priceOf("apple").currency());
        QmpError error = assertThrows(QmpError.class, () -> client.priceOf("pear"));
        assertEquals("No item 'pear'", error.desc());
    }

    @Test
    void aServerOfOneModuleAnswersItsCommandsAndNothingElse() {
        List<Command> table = Dispatcher.of(new StockKeeper(Map.of("apple", 5L)));
        assertEquals(List.of("query-stock", "take", "stock-of"), table.stream().map(Command::name).toList());
        StockClient stock = StockClient.over((name, arguments) -> call(table, name, arguments));
        stock.take("apple", 2);
        assertEquals(3, stock.stockOf("apple").count());
        Client whole = Client.over((name, arguments) -> call(table, name, arguments));
        QmpError missing = assertThrows(QmpError.class, () -> whole.priceOf("apple"));
        assertEquals("CommandNotFound", missing.errorClass());
        assertEquals("The command price-of has not been found", missing.desc());
    }

    @Test
    void serverRejectsBadArgumentsAsQemuDoes() {
        Command restock = commands.stream().filter(c -> c.name().equals("restock")).findFirst().orElseThrow();
        ObjectNode args = Json.object();
        args.put("item", "apple");
        QmpError missing = assertThrows(QmpError.class, () -> restock.handler().run(args, Input.STRICT));
        assertEquals("Parameter 'count' is missing", missing.desc());
        args.put("count", "many");
        QmpError wrong = assertThrows(QmpError.class, () -> restock.handler().run(args, Input.STRICT));
        // QEMU reads every unsigned type as uint64 first.
        assertEquals("Parameter 'count' expects uint64", wrong.desc());
    }
}
