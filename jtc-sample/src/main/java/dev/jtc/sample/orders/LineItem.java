package dev.jtc.sample.orders;

import java.math.BigDecimal;

/**
 * One line of an order.
 *
 * @param sku the product's stock-keeping unit
 * @param title the product's name as the customer saw it
 * @param quantity how many
 * @param unitPrice the price of one, in the order's currency
 */
public record LineItem(String sku, String title, int quantity, BigDecimal unitPrice) {

    /** {@code quantity × unitPrice}. */
    public BigDecimal subtotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
