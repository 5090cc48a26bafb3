package org.example.shop;

import io.qapi.runtime.api.QmpError;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.example.shop.api.stock.StockLevel;
import org.example.shop.api.stock.StockOfArguments;
import org.example.shop.api.stock.StockServer;
import org.example.shop.api.stock.TakeArguments;

/** A server of the stock module's three commands only, written against its generated interface. */
public final class StockKeeper implements StockServer {
    private final Map<String, Long> stock = new TreeMap<>();

    public StockKeeper(Map<String, Long> initial) {
        stock.putAll(initial);
    }

    @Override
    public List<StockLevel> queryStock() {
        return stock.entrySet().stream().map(e -> StockLevel.builder().item(e.getKey()).count(e.getValue()).build())
                .toList();
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
