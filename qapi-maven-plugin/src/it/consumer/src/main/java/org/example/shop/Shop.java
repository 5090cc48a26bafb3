package org.example.shop;

import io.qapi.runtime.api.QmpError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.example.shop.api.Currency;
import org.example.shop.api.Price;
import org.example.shop.api.PriceOfArguments;
import org.example.shop.api.RestockArguments;
import org.example.shop.api.Server;
import org.example.shop.api.stock.StockLevel;
import org.example.shop.api.stock.StockOfArguments;
import org.example.shop.api.stock.TakeArguments;

/** The shop's server side, written against the generated interface. */
public final class Shop implements Server {
    private final Map<String, Long> stock = new TreeMap<>();

    @Override
    public Price priceOf(PriceOfArguments arguments) {
        if (!stock.containsKey(arguments.item())) {
            throw QmpError.generic("No item '" + arguments.item() + "'");
        }
        return new Price(2.5 * arguments.quantity().orElse(1L), Currency.EUR);
    }

    @Override
    public void restock(RestockArguments arguments) {
        stock.merge(arguments.item(), arguments.count(), Long::sum);
    }

    @Override
    public void take(TakeArguments arguments) {
        stock.merge(arguments.item(), -arguments.count(), Long::sum);
    }

    @Override
    public StockLevel stockOf(StockOfArguments arguments) {
        return new StockLevel(arguments.item(), stock.getOrDefault(arguments.item(), 0L));
    }

    @Override
    public List<StockLevel> queryStock() {
        List<StockLevel> levels = new ArrayList<>();
        stock.forEach((item, count) -> levels.add(new StockLevel(item, count)));
        return levels;
    }
}
