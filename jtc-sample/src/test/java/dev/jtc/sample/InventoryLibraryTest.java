package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.sample.inventory.InventoryTasksSchedule;
import dev.jtc.sample.inventory.Reservation;
import dev.jtc.sample.inventory.ReserveStockCodec;
import dev.jtc.sample.inventory.RestockProductCodec;
import dev.jtc.sample.inventory.RestockReason;
import dev.jtc.sample.inventory.StockLine;
import dev.jtc.sample.invoices.GenerateInvoiceCodec;
import dev.jtc.sample.orders.SendOrderConfirmationCodec;
import dev.jtc.sample.payments.ChargePaymentCodec;
import dev.jtc.sample.payments.Currency;
import dev.jtc.sample.payments.SandboxPaymentGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The inventory library ({@code jtc-sample-inventory}, a separate Maven module with no
 * {@code @JtcApplication}) inside the shop: its jobs and tasks reach the shop's generated
 * {@code ShopAppJobs}, {@code ShopAppJobRunner}, {@code ShopAppScheduleRegistry} and
 * {@code ShopAppComponent} from the contributions in its jar, its Dagger module is wired by the
 * shop's component, and one worker runs the jobs of both modules and the library's task.
 */
class InventoryLibraryTest {

    private static final List<StockLine> CAFE_ORDER = List.of(new StockLine("GRINDER-HAND", 20), new StockLine("FILTER-100", 10));

    @Test
    void theGeneratedAggregatesHoldTheLibrarysJobsAndTasksBesideTheShops() {
        assertEquals(List.of(ReserveStockCodec.TYPE, RestockProductCodec.TYPE, GenerateInvoiceCodec.TYPE,
                SendOrderConfirmationCodec.TYPE, ChargePaymentCodec.TYPE), ShopAppJobs.JOB_TYPES,
                "the library's job types are the constants of the codecs generated in the library's build");
        assertEquals(List.of("ReserveStock", "RestockProduct"),
                ShopAppJobs.JOB_TYPES.stream().filter(type -> type.queue().equals("inventory")).map(JobType::name).toList());

        List<ScheduledTask> tasks = ShopAppScheduleRegistry.TASKS;
        assertEquals(InventoryTasksSchedule.TASKS, tasks.subList(2, 4), "after the shop's own BackOfficeTasks: " + tasks);

        AppDefinition worker = ShopAppWorker.definition();
        assertEquals(ShopAppJobs.JOB_TYPES, worker.jobTypes());
        assertEquals(tasks, worker.scheduledTasks());

        TestShopComponent component = DaggerTestShopComponent.factory().create(
                new BrokerDispatcher(new InMemoryBroker(Clock.systemUTC()), Clock.systemUTC()), Clock.systemUTC(), Settings.empty());
        assertNotSame(component.reserveStock(), component.reserveStock(), "a new job instance per run");
        assertSame(component.warehouse(), component.warehouse(), "the library's @Singleton is one per component");
    }

    @Test
    void aConfirmedOrderHoldsItsStockThroughTheLibrarysJob() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            JobHandle confirmation = shop.jobs().sendOrderConfirmation(ShopJobsTest.ADAS_ORDER);
            shop.events.awaitCompleted(confirmation.id());
            shop.events.awaitCompletedByName("ReserveStock", 1);

            Reservation reservation = shop.component.warehouse().reservation(1001).orElseThrow();
            assertEquals(List.of(new StockLine("BEAN-1KG", 2), new StockLine("FILTER-100", 1)), reservation.reserved());
            assertTrue(reservation.complete());
            assertEquals(138, shop.component.warehouse().free("BEAN-1KG"));
        }
    }

    @Test
    void aShortOrderIsBackorderedAndTheLibrarysRestockFillsIt() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            JobHandle reserve = shop.jobs().reserveStock(1003, CAFE_ORDER);
            shop.events.awaitCompleted(reserve.id());
            String restock = shop.events.awaitCompletedByName("RestockProduct", 1).get(0).payload();

            assertEquals(new RestockProductCodec.Payload("GRINDER-HAND", 8 + 50, RestockReason.BACKORDER), RestockProductCodec.decode(restock));
            assertEquals(List.of(new StockLine("GRINDER-HAND", 8)), shop.component.warehouse().reservation(1003).orElseThrow().backordered());
            assertEquals(List.of(), shop.component.warehouse().backorders("GRINDER-HAND"), "the delivery filled the backorder");
            assertEquals(50, shop.component.warehouse().free("GRINDER-HAND"));
            assertEquals(Optional.of(JobState.COMPLETED), reserve.status());
        }
    }

    @Test
    void oneWorkerRunsAJobOfEachModuleAndTheLibrarysTask() throws Exception {
        Clock clock = Clock.systemUTC();
        try (RunningShop shop = RunningShop.start(new InMemoryBroker(clock), clock, Settings.empty(), true)) {
            JobHandle charge = shop.jobs().chargePayment(1001L, new BigDecimal("52.90"), Currency.EUR, SandboxPaymentGateway.CARD_OK);
            JobHandle restock = shop.jobs().restockProduct("BEAN-250G", 200, RestockReason.MANUAL);
            shop.events.awaitCompleted(charge.id());
            shop.events.awaitCompleted(restock.id());
            shop.events.awaitCompletedByName("InventoryTasks.refreshStock", 1);

            assertEquals(1, shop.component.ledger().chargesFor(1001L).size());
            assertEquals(620, shop.component.warehouse().free("BEAN-250G"));
            assertTrue(shop.component.inventory().refreshes() >= 1);
            assertTrue(shop.component.inventory().level("BEAN-1KG").isPresent(), "the shop front's levels come from the warehouse");
        }
    }

    @Test
    void theShopsSettingsReachTheLibrarysModule() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.of(Map.of("inventory.reorder-quantity", "10")))) {
            shop.jobs().reserveStock(1003, CAFE_ORDER);
            String restock = shop.events.awaitCompletedByName("RestockProduct", 1).get(0).payload();

            assertEquals(8 + 10, RestockProductCodec.decode(restock).quantity());
            assertEquals(10, shop.component.warehouse().free("GRINDER-HAND"));
        }
    }

    @Test
    void aReorderQuantityThatIsNoNumberIsReportedWithTheSettingsName() {
        TestShopComponent component = DaggerTestShopComponent.factory().create(
                new BrokerDispatcher(new InMemoryBroker(Clock.systemUTC()), Clock.systemUTC()),
                Clock.systemUTC(), Settings.of(Map.of("inventory.reorder-quantity", "lots")));

        IllegalStateException error = assertThrows(IllegalStateException.class, component::reserveStock);
        assertEquals("inventory.reorder-quantity 'lots' is not a whole number of units", error.getMessage());
    }
}
