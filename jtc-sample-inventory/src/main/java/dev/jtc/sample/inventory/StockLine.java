package dev.jtc.sample.inventory;

/**
 * How many units of one product an order needs, or a reservation holds. The shop maps its order
 * lines to these, so the inventory library knows nothing of prices or titles.
 *
 * @param sku the product's stock-keeping unit
 * @param quantity how many units; positive
 */
public record StockLine(String sku, int quantity) {

    public StockLine {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("a stock line needs a SKU");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("the quantity of " + sku + " must be positive, got " + quantity);
        }
    }
}
