package dev.jtc.sample.inventory;

/** Why a product is reordered from the supplier; it travels with {@link RestockProduct} for the purchasing log. */
public enum RestockReason {
    /** An order wanted more than was free: the delivery fills the waiting orders first. */
    BACKORDER,
    /** The morning count found the product below its reorder point. */
    LOW_STOCK,
    /** Someone in the back office ordered it by hand. */
    MANUAL
}
