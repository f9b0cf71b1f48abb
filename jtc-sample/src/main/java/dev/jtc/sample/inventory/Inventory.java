package dev.jtc.sample.inventory;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The stock levels the shop front shows, refreshed from the warehouse by a scheduled task. The
 * sample's warehouse is a fixed list; what matters here is when and how often it is refreshed.
 */
@Singleton
public final class Inventory {

    private static final Map<String, Integer> WAREHOUSE = Map.of(
            "BEAN-1KG", 140,
            "BEAN-250G", 420,
            "GRINDER-HAND", 12,
            "FILTER-100", 950);

    private final Map<String, Integer> levels = new TreeMap<>();
    private Instant lastRefresh;
    private int refreshes;

    @Inject
    public Inventory() {}

    /** Copies the warehouse's levels; returns how many SKUs it has. */
    public synchronized int refresh(Instant now) {
        levels.putAll(WAREHOUSE);
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
