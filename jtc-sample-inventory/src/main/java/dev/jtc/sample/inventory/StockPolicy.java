package dev.jtc.sample.inventory;

/**
 * When and how much to reorder, as {@link InventoryModule} reads it from the settings.
 *
 * @param reorderPoint a product with fewer free units than this is reordered by the morning count
 * @param reorderQuantity how many units a reorder asks for (a backorder adds what the orders wait for)
 */
public record StockPolicy(int reorderPoint, int reorderQuantity) {

    public StockPolicy {
        if (reorderPoint < 0) {
            throw new IllegalArgumentException("the reorder point must not be negative, got " + reorderPoint);
        }
        if (reorderQuantity <= 0) {
            throw new IllegalArgumentException("the reorder quantity must be positive, got " + reorderQuantity);
        }
    }
}
