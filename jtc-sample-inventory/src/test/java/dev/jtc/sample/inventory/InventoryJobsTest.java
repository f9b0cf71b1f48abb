package dev.jtc.sample.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The library's jobs and tasks run through the code generated in the library's own build (each
 * job's codec, the tasks' schedule), without any application: what {@code ShopAppJobRunner} calls
 * in the shop. The jobs they dispatch land on an in-memory broker, where the test picks them up.
 */
class InventoryJobsTest {

    private final ManualClock clock = ManualClock.at("2026-03-02T05:00:00Z");
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
    private final Warehouse warehouse = new Warehouse();
    private final StockPolicy policy = new StockPolicy(InventoryModule.DEFAULT_REORDER_POINT, InventoryModule.DEFAULT_REORDER_QUANTITY);

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    @Test
    void theCodecsCarryRecordsListsAndEnumsByParameterName() throws Exception {
        String json = ReserveStockCodec.encode(1003, List.of(new StockLine("GRINDER-HAND", 20)));
        assertEquals("{\"orderId\":1003,\"lines\":[{\"sku\":\"GRINDER-HAND\",\"quantity\":20}]}", json);
        assertEquals(List.of(new StockLine("GRINDER-HAND", 20)), ReserveStockCodec.decode(json).lines());

        RestockProductCodec.Payload restock = RestockProductCodec.decode("{\"sku\":\"BEAN-250G\",\"quantity\":200,\"reason\":\"MANUAL\"}");
        assertEquals(RestockReason.MANUAL, restock.reason());
        assertEquals("inventory", ReserveStockCodec.TYPE.queue());
        assertEquals("inventory", RestockProductCodec.TYPE.queue());
    }

    @Test
    void aShortReservationReordersTheMissingUnitsPlusTheReorderQuantity() throws Exception {
        ReserveStock job = new ReserveStock(warehouse, policy, dispatcher);
        String payload = ReserveStockCodec.encode(1003, List.of(new StockLine("GRINDER-HAND", 20), new StockLine("FILTER-100", 10)));

        ReserveStockCodec.run(job, payload, context("ReserveStock"));
        ReserveStockCodec.run(job, payload, context("ReserveStock")); // a retried attempt

        List<JobMessage> reorders = inventoryQueue();
        assertEquals(1, reorders.size(), "one reorder however often the reservation runs: " + reorders);
        RestockProductCodec.Payload reorder = RestockProductCodec.decode(reorders.get(0).payload());
        assertEquals("GRINDER-HAND", reorder.sku());
        assertEquals(8 + 50, reorder.quantity());
        assertEquals(RestockReason.BACKORDER, reorder.reason());

        RestockProductCodec.run(new RestockProduct(warehouse), reorders.get(0).payload(), context("RestockProduct"));
        assertEquals(List.of(), warehouse.backorders("GRINDER-HAND"));
        assertEquals(50, warehouse.free("GRINDER-HAND"));
    }

    @Test
    void theMorningCountReordersEveryProductBelowTheReorderPoint() throws Exception {
        warehouse.reserve(1, List.of(new StockLine("BEAN-1KG", 125))); // 15 left: below 20, like the grinders' 12
        InventoryTasks tasks = new InventoryTasks(warehouse, new Inventory(warehouse), policy, dispatcher, clock);

        InventoryTasksSchedule.reorderLowStock(tasks, context("InventoryTasks.reorderLowStock"));

        List<String> reordered = inventoryQueue().stream().map(InventoryJobsTest::decode)
                .map(reorder -> reorder.sku() + " x " + reorder.quantity()).sorted().toList();
        assertEquals(List.of("BEAN-1KG x 50", "GRINDER-HAND x 50"), reordered);
    }

    @Test
    void theRefreshCopiesTheFreeUnitsToTheShopFront() throws Exception {
        Inventory inventory = new Inventory(warehouse);
        warehouse.reserve(1, List.of(new StockLine("BEAN-1KG", 40)));

        InventoryTasksSchedule.refreshStock(new InventoryTasks(warehouse, inventory, policy, dispatcher, clock),
                context("InventoryTasks.refreshStock"));

        assertEquals(Optional.of(100), inventory.level("BEAN-1KG"));
        assertEquals(Optional.of(clock.instant()), inventory.lastRefresh());
        assertEquals("default", InventoryTasksSchedule.REFRESH_STOCK.jobType().queue());
    }

    private List<JobMessage> inventoryQueue() throws InterruptedException {
        return broker.fetch("test-worker", List.of("inventory"), 100, Duration.ofMillis(1));
    }

    private static RestockProductCodec.Payload decode(JobMessage job) {
        try {
            return RestockProductCodec.decode(job.payload());
        } catch (Exception e) {
            throw new AssertionError(job.payload(), e);
        }
    }

    private JobContext context(String name) {
        Instant now = clock.instant();
        return new JobContext() {
            @Override public String id() { return "test-" + name; }
            @Override public String name() { return name; }
            @Override public String queue() { return "inventory"; }
            @Override public int attempt() { return 1; }
            @Override public Instant enqueuedAt() { return now; }
            @Override public boolean stopRequested() { return false; }
        };
    }
}
