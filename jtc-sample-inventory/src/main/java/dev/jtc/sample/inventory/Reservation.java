package dev.jtc.sample.inventory;

import java.util.List;

/**
 * What the warehouse set aside for one order when it was reserved.
 *
 * @param orderId the order
 * @param reserved the units taken off the shelf for it, one line per product
 * @param backordered the units that were not free; each is a {@link Backorder} until a delivery fills it
 */
public record Reservation(long orderId, List<StockLine> reserved, List<StockLine> backordered) {

    public Reservation {
        reserved = List.copyOf(reserved);
        backordered = List.copyOf(backordered);
    }

    /** Whether every unit the order asked for was free. */
    public boolean complete() {
        return backordered.isEmpty();
    }
}
