package dev.jtc.sample.inventory;

/**
 * Units an order is waiting for because they were not free when it was reserved; the next
 * delivery of the product fills them, oldest backorder first.
 *
 * @param orderId the order waiting
 * @param sku the product
 * @param quantity how many units it still waits for (or, in a {@link Delivery}, how many it got)
 */
public record Backorder(long orderId, String sku, int quantity) {}
