package dev.jtc.sample.inventory;

import dagger.Module;
import dagger.Provides;
import dev.jtc.runtime.Settings;

/**
 * Provides the inventory library's {@link StockPolicy}, read from {@link Settings}:
 * {@code inventory.reorder-point} and {@code inventory.reorder-quantity} ({@code --set ...},
 * {@code -D...} or {@code INVENTORY_REORDER_POINT}, {@code INVENTORY_REORDER_QUANTITY}). An
 * application that uses the library lists this module in {@code @JtcApplication(modules = ...)}.
 */
@Module
public final class InventoryModule {

    /** The reorder point when {@code inventory.reorder-point} is not set. */
    public static final int DEFAULT_REORDER_POINT = 20;

    /** The reorder quantity when {@code inventory.reorder-quantity} is not set. */
    public static final int DEFAULT_REORDER_QUANTITY = 50;

    @Provides
    static StockPolicy stockPolicy(Settings settings) {
        return new StockPolicy(number(settings, "inventory.reorder-point", DEFAULT_REORDER_POINT),
                number(settings, "inventory.reorder-quantity", DEFAULT_REORDER_QUANTITY));
    }

    private static int number(Settings settings, String key, int fallback) {
        String value = settings.get(key, Integer.toString(fallback)).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " '" + value + "' is not a whole number of units", e);
        }
    }
}
