package dev.jtc.sample.inventory;

import java.util.List;

/**
 * Where the units of one delivery went.
 *
 * @param sku the product delivered
 * @param received how many units arrived
 * @param filled the backorders served from it, oldest first, each with the units it got
 * @param shelved the units left over, now free to sell
 */
public record Delivery(String sku, int received, List<Backorder> filled, int shelved) {

    public Delivery {
        filled = List.copyOf(filled);
    }
}
