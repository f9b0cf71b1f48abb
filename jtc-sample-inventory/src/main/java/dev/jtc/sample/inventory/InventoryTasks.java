package dev.jtc.sample.inventory;

import dev.jtc.Cron;
import dev.jtc.Every;
import dev.jtc.MissedTicks;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inventory's recurring chores, scheduled by whichever application uses the library: the
 * shop front's stock levels are refreshed every few seconds, and every morning the stock is
 * counted and what runs low is reordered. A new instance is made for every run; the state is in
 * the injected singletons.
 */
public final class InventoryTasks {

    private static final Logger log = LoggerFactory.getLogger(InventoryTasks.class);

    private final Warehouse warehouse;
    private final Inventory inventory;
    private final StockPolicy policy;
    private final Dispatcher dispatcher;
    private final Clock clock;

    @Inject
    public InventoryTasks(Warehouse warehouse, Inventory inventory, StockPolicy policy, Dispatcher dispatcher, Clock clock) {
        this.warehouse = warehouse;
        this.inventory = inventory;
        this.policy = policy;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /**
     * Refreshes the shop front's stock levels from the warehouse every five seconds. A slow refresh
     * must not pile up behind itself, and missed refreshes are pointless once a new one runs.
     */
    @Every(value = "5s", description = "Refresh the shop front's stock levels", overlap = false, missed = MissedTicks.SKIP)
    void refreshStock() {
        int skus = inventory.refresh(clock.instant());
        log.info("stock levels refreshed ({} SKUs)", skus);
    }

    /**
     * Counts the stock at 06:00 Berlin time, before the shop opens, and reorders every product
     * below the reorder point. The unique key keeps a reorder still in progress from being sent
     * twice; a morning missed while no worker ran is caught up once.
     */
    @Cron(value = "0 6 * * MON-SAT", zone = "Europe/Berlin", description = "Count the stock and reorder what runs low")
    void reorderLowStock() {
        List<String> low = new ArrayList<>();
        for (Map.Entry<String, Integer> product : warehouse.freeStock().entrySet()) {
            if (product.getValue() < policy.reorderPoint()) {
                low.add(product.getKey());
                dispatcher.dispatch(RestockProductCodec.TYPE,
                        RestockProductCodec.encode(product.getKey(), policy.reorderQuantity(), RestockReason.LOW_STOCK),
                        DispatchOptions.uniqueKey("restock-low-" + product.getKey()));
            }
        }
        log.info("stock counted: {} product(s), {} below {} units{}", warehouse.freeStock().size(), low.size(),
                policy.reorderPoint(), low.isEmpty() ? "" : ", reordered " + low);
    }
}
