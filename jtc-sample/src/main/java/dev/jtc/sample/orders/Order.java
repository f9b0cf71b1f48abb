package dev.jtc.sample.orders;

import dev.jtc.sample.payments.Currency;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as the shop front hands it to the back office. It travels as a job's payload, so it
 * holds values only: the generated codec writes it as a nested JSON object.
 *
 * @param number the order number the customer sees
 * @param customerName the name to greet
 * @param customerEmail where the confirmation goes
 * @param currency what the prices are in
 * @param items the lines, in the order the customer added them
 * @param placedAt when the customer placed it
 */
public record Order(long number, String customerName, String customerEmail, Currency currency,
        List<LineItem> items, Instant placedAt) {

    /** The sum of the lines' subtotals. */
    public BigDecimal total() {
        return items.stream().map(LineItem::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
