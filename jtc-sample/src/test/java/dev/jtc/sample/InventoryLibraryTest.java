package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
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
import dev.jtc.test.FakeDispatcher;
import dev.jtc.test.JtcExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The inventory library ({@code jtc-sample-inventory}, a separate Maven module with no
 * {@code @JtcApplication}) inside the shop: its jobs and tasks reach the shop's generated
 * {@code ShopAppJobs}, {@code ShopAppJobRunner}, {@code ShopAppScheduleRegistry} and
 * {@code ShopAppComponent} from the contributions in its jar, its Dagger module is wired by the
 * shop's component, and one worker runs the jobs of both modules and the library's task.
 */
class InventoryLibraryTest {

    @RegisterExtension
    final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
            .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
            .worker()
            .build();

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

        TestShopComponent component = DaggerTestShopComponent.factory().create(new FakeDispatcher(), Clock.systemUTC(), Settings.empty());
        assertNotSame(component.reserveStock(), component.reserveStock(), "a new job instance per run");
        assertSame(component.warehouse(), component.warehouse(), "the library's @Singleton is one per component");
    }

    @Test
    void aConfirmedOrderHoldsItsStockThroughTheLibrarysJob() throws Exception {
        JobHandle confirmation = jtc.component().jobs().sendOrderConfirmation(ShopJobsTest.ADAS_ORDER);
        jtc.awaitCompleted(confirmation);
        jtc.awaitCompleted(ReserveStockCodec.job(), 1);

        Reservation reservation = jtc.component().warehouse().reservation(1001).orElseThrow();
        assertEquals(List.of(new StockLine("BEAN-1KG", 2), new StockLine("FILTER-100", 1)), reservation.reserved());
        assertTrue(reservation.complete());
        assertEquals(138, jtc.component().warehouse().free("BEAN-1KG"));
    }

    @Test
    void aShortOrderIsBackorderedAndTheLibrarysRestockFillsIt() throws Exception {
        JobHandle reserve = jtc.component().jobs().reserveStock(1003, CAFE_ORDER);
        jtc.awaitCompleted(reserve);
        String restock = jtc.awaitCompleted(RestockProductCodec.job(), 1).get(0).payload();

        assertEquals(new RestockProductCodec.Payload("GRINDER-HAND", 8 + 50, RestockReason.BACKORDER), RestockProductCodec.decode(restock));
        assertEquals(List.of(new StockLine("GRINDER-HAND", 8)), jtc.component().warehouse().reservation(1003).orElseThrow().backordered());
        assertEquals(List.of(), jtc.component().warehouse().backorders("GRINDER-HAND"), "the delivery filled the backorder");
        assertEquals(50, jtc.component().warehouse().free("GRINDER-HAND"));
        assertEquals(Optional.of(JobState.COMPLETED), reserve.status());
    }

    @Test
    void aReorderQuantityThatIsNoNumberIsReportedWithTheSettingsName() {
        TestShopComponent component = DaggerTestShopComponent.factory().create(new FakeDispatcher(), Clock.systemUTC(),
                Settings.of(Map.of("inventory.reorder-quantity", "lots")));

        IllegalStateException error = assertThrows(IllegalStateException.class, component::reserveStock);
        assertEquals("inventory.reorder-quantity 'lots' is not a whole number of units", error.getMessage());
    }

    @Nested
    class WithTheScheduler {

        @RegisterExtension
        final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
                .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
                .worker()
                .scheduler()
                .build();

        @Test
        void oneWorkerRunsAJobOfEachModuleAndTheLibrarysTask() throws Exception {
            JobHandle charge = jtc.component().jobs().chargePayment(1001L, new BigDecimal("52.90"), Currency.EUR, SandboxPaymentGateway.CARD_OK);
            JobHandle restock = jtc.component().jobs().restockProduct("BEAN-250G", 200, RestockReason.MANUAL);
            jtc.awaitCompleted(charge);
            jtc.awaitCompleted(restock);
            jtc.awaitCompleted("InventoryTasks.refreshStock", 1);

            assertEquals(1, jtc.component().ledger().chargesFor(1001L).size());
            assertEquals(620, jtc.component().warehouse().free("BEAN-250G"));
            assertTrue(jtc.component().inventory().refreshes() >= 1);
            assertTrue(jtc.component().inventory().level("BEAN-1KG").isPresent(), "the shop front's levels come from the warehouse");
        }
    }

    @Nested
    class WithAReorderQuantity {

        @RegisterExtension
        final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
                .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
                .settings(Map.of("inventory.reorder-quantity", "10"))
                .worker()
                .build();

        @Test
        void theShopsSettingsReachTheLibrarysModule() throws Exception {
            jtc.component().jobs().reserveStock(1003, CAFE_ORDER);
            String restock = jtc.awaitCompleted(RestockProductCodec.job(), 1).get(0).payload();

            assertEquals(8 + 10, RestockProductCodec.decode(restock).quantity());
            assertEquals(10, jtc.component().warehouse().free("GRINDER-HAND"));
        }
    }
}
