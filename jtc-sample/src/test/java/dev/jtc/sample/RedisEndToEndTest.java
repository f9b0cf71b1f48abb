package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.redis.RedisBroker;
import dev.jtc.runtime.testing.RedisServerProcess;
import dev.jtc.sample.inventory.StockLine;
import dev.jtc.sample.invoices.Invoice;
import dev.jtc.sample.payments.Charge;
import dev.jtc.sample.payments.ChargePayment;
import dev.jtc.sample.payments.Currency;
import dev.jtc.sample.payments.SandboxPaymentGateway;
import dev.jtc.test.JtcExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole sample against a real Redis (a private {@code redis-server} on a free port): one
 * process dispatches as a web shop would, with only the generated {@code ShopAppJobs} over its
 * own broker connection; a worker with the scheduler runs the jobs of both modules (the shop's
 * and the inventory library's) and the library's 5-second stock refresh through the generated
 * dispatch table.
 */
class RedisEndToEndTest {

    private static RedisServerProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    /** The shop's worker, with its scheduler, on the private Redis: jtc-test's extension over a Redis broker. */
    @RegisterExtension
    final JtcExtension<TestShopComponent> shop = JtcExtension.forApp(ShopAppWorker.definition())
            .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
            .worker(() -> RedisBroker.connect(redis.url(), "shop-e2e", Clock.systemUTC()))
            .scheduler()
            .build();

    @Test
    void jobsOfBothModulesDispatchedByAnotherProcessRunOnTheWorkerAndTheLibrarysTaskTicks() throws Exception {
        Clock clock = Clock.systemUTC();
        try (RedisBroker webBroker = RedisBroker.connect(redis.url(), "shop-e2e", clock)) {
            ShopAppJobs web = new ShopAppJobs(new BrokerDispatcher(webBroker, clock));

            JobHandle confirmation = web.sendOrderConfirmation(ShopJobsTest.ADAS_ORDER);
            JobHandle charge = web.chargePayment(1002L, new BigDecimal("18.00"), Currency.USD, SandboxPaymentGateway.CARD_FLAKY_NETWORK);
            JobHandle reserve = web.reserveStock(1003L, List.of(new StockLine("GRINDER-HAND", 20)));
            shop.awaitCompleted(confirmation);
            shop.awaitCompleted(charge);
            shop.awaitCompleted(reserve);
            shop.awaitCompleted("GenerateInvoice", 1);
            shop.awaitCompleted("ReserveStock", 2); // order 1003's, and Ada's from her confirmation
            shop.awaitCompleted("RestockProduct", 1); // the grinders order 1003 is short of
            shop.awaitCompleted("InventoryTasks.refreshStock", 1);

            assertEquals(Optional.of(JobState.COMPLETED), confirmation.status(), "status read through the web process's broker");
            assertEquals(Optional.of(JobState.COMPLETED), charge.status());
            assertEquals(Optional.of(JobState.COMPLETED), reserve.status());
            assertEquals("Your order #1001 is confirmed", shop.component().outbox().sentTo("ada@example.com").get(0).subject());

            assertEquals(1, shop.retriesOf(charge).size(), "the sandbox card fails its first attempt");
            List<Charge> charges = shop.component().ledger().chargesFor(1002L);
            assertEquals(1, charges.size(), "charges: " + charges);
            assertEquals(2, charges.get(0).attempt());

            Invoice invoice = shop.component().invoices().find(ChargePayment.invoiceIdFor(1002L)).orElseThrow();
            assertTrue(invoice.lines().get(1).startsWith("Paid 18.00 USD by card"), invoice.lines().toString());
            assertEquals(138, shop.component().warehouse().free("BEAN-1KG"), "Ada's 2 kg of beans are held");
            assertEquals(50, shop.component().warehouse().free("GRINDER-HAND"), "12 + 58 delivered - 20 for order 1003");
            assertTrue(shop.component().inventory().refreshes() >= 1);
            assertEquals(0, webBroker.stats().failed());
        }
    }
}
