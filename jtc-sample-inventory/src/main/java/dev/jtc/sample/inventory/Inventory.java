package dev.jtc.sample.inventory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock levels the shop front shows: a copy of the {@link Warehouse}'s free units, refreshed
 * by {@link InventoryTasks} every few seconds so that page views never wait on the stock book.
 * What matters here is when and how often it is refreshed.
 */
@Singleton
public final class Inventory {

    private final Warehouse warehouse;
    private final Map<String, Integer> levels = new TreeMap<>();
    private Instant lastRefresh;
    private int refreshes;

    @Inject
    public Inventory(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Copies the warehouse's free units; returns how many SKUs it has. */
    public synchronized int refresh(Instant now) {
        levels.putAll(warehouse.freeStock());
        lastRefresh = now;
        refreshes++;
        return levels.size();
    }

    /** How many of {@code sku} are in stock, as of the last refresh; empty before the first. */
    public synchronized Optional<Integer> level(String sku) {
        return Optional.ofNullable(levels.get(sku));
    }

    /** When the levels were last refreshed; empty before the first. */
    public synchronized Optional<Instant> lastRefresh() {
        return Optional.ofNullable(lastRefresh);
    }

    /** How many refreshes ran since the application started. */
    public synchronized int refreshes() {
        return refreshes;
    }
}
