package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.sample.invoices.Invoice;
import dev.jtc.sample.mail.Mail;
import dev.jtc.sample.mail.MailModule;
import dev.jtc.sample.orders.LineItem;
import dev.jtc.sample.orders.Order;
import dev.jtc.sample.payments.Charge;
import dev.jtc.sample.payments.ChargePayment;
import dev.jtc.sample.payments.ChargePaymentCodec;
import dev.jtc.sample.payments.Currency;
import dev.jtc.sample.payments.SandboxPaymentGateway;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The shop's jobs dispatched through the generated {@code ShopAppJobs} and run by a real worker
 * through the generated {@code ShopAppJobRunner} and codecs, on the in-memory broker; each test
 * checks what the job did (mails in the outbox, charges in the ledger, invoices filed).
 */
class ShopJobsTest {

    static final Order ADAS_ORDER = new Order(1001, "Ada Lovelace", "ada@example.com", Currency.EUR,
            List.of(new LineItem("BEAN-1KG", "Espresso beans, 1 kg", 2, new BigDecimal("24.50")),
                    new LineItem("FILTER-100", "Paper filters, 100", 1, new BigDecimal("3.90"))),
            Instant.parse("2026-03-02T09:15:00Z"));

    @Test
    void orderConfirmationIsMailedToTheCustomer() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            JobHandle handle = shop.jobs().sendOrderConfirmation(ADAS_ORDER);
            shop.events.awaitCompleted(handle.id());

            List<Mail> mails = shop.component.outbox().sentTo("ada@example.com");
            assertEquals(1, mails.size(), "mails to Ada: " + mails);
            Mail mail = mails.get(0);
            assertEquals(MailModule.DEFAULT_SENDER, mail.from());
            assertEquals("Your order #1001 is confirmed", mail.subject());
            assertTrue(mail.body().startsWith("Hello Ada Lovelace,"), mail.body());
            assertTrue(mail.body().contains("Monday 2 March 2026, 10:15 CET"), mail.body());
            assertTrue(mail.body().contains("Espresso beans, 1 kg") && mail.body().contains("49.00 EUR"), mail.body());
            assertTrue(mail.body().matches("(?s).*Total\\s+52\\.90 EUR.*"), mail.body());
            assertEquals(Optional.of(JobState.COMPLETED), handle.status());
        }
    }

    @Test
    void chargeIsBookedOnceAndOrdersTheInvoice() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            JobHandle handle = shop.jobs().chargePayment(1001L, new BigDecimal("52.90"), Currency.EUR, SandboxPaymentGateway.CARD_OK);
            shop.events.awaitCompleted(handle.id());
            shop.events.awaitCompletedByName("GenerateInvoice", 1);

            List<Charge> charges = shop.component.ledger().chargesFor(1001L);
            assertEquals(1, charges.size(), "charges: " + charges);
            Charge charge = charges.get(0);
            assertEquals(new BigDecimal("52.90"), charge.amount());
            assertEquals(new BigDecimal("52.90"), charge.settled());
            assertEquals(Currency.EUR, charge.settlementCurrency());
            assertEquals(1, charge.attempt());
            assertTrue(shop.events.retriesOf(handle.id()).isEmpty());

            Invoice invoice = shop.component.invoices().find(ChargePayment.invoiceIdFor(1001L)).orElseThrow();
            assertEquals(1001L, invoice.orderId());
            assertEquals(List.of("Order 1001", "Paid 52.90 EUR by card, reference " + charge.reference()), invoice.lines());
            assertEquals(Optional.empty(), invoice.vatId());
            assertTrue(invoice.text().contains("No VAT id given"), invoice.text());
        }
    }

    @Test
    void aChargeThatTimesOutIsRetriedAndChargedOnce() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            JobHandle handle = shop.jobs().chargePayment(1002L, new BigDecimal("18.00"), Currency.USD,
                    SandboxPaymentGateway.CARD_FLAKY_NETWORK);
            shop.events.awaitCompleted(handle.id());

            List<Failure> retries = shop.events.retriesOf(handle.id());
            assertEquals(1, retries.size(), "retried attempts: " + retries);
            assertEquals(1, retries.get(0).attempt());
            assertTrue(retries.get(0).reason().contains("card network timed out for order 1002"), retries.get(0).reason());

            List<Charge> charges = shop.component.ledger().chargesFor(1002L);
            assertEquals(1, charges.size(), "charges: " + charges);
            assertEquals(2, charges.get(0).attempt());
            assertEquals(new BigDecimal("16.36"), charges.get(0).settled(), "18.00 USD at 1.10 USD per EUR");
            assertEquals(Optional.of(JobState.COMPLETED), handle.status());
        }
    }

    @Test
    void aBusinessInvoiceCarriesTheVatId() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            UUID id = UUID.fromString("5f0c9a52-3d5e-4c1a-9a8e-0b7d6c2e1f30");
            JobHandle handle = shop.jobs().generateInvoice(id, 990L, List.of("Hand grinder x 4", "Wholesale discount 10%"),
                    Optional.of("DE123456789"));
            shop.events.awaitCompleted(handle.id());

            Invoice invoice = shop.component.invoices().find(id).orElseThrow();
            assertEquals(Optional.of("DE123456789"), invoice.vatId());
            assertEquals(List.of("Hand grinder x 4", "Wholesale discount 10%"), invoice.lines());
            assertTrue(invoice.text().contains("  Hand grinder x 4\n  Wholesale discount 10%\n"), invoice.text());
            assertTrue(invoice.text().contains("Customer VAT id DE123456789: reverse charge applies"), invoice.text());
        }
    }

    @Test
    void settingsChooseTheSenderAndTheSettlementCurrency() throws Exception {
        Settings settings = Settings.of(Map.of(
                "shop.mail.sender", "Orders <orders@test.example>",
                "shop.payments.currency", "chf"));
        try (RunningShop shop = RunningShop.inMemory(settings)) {
            JobHandle mail = shop.jobs().sendOrderConfirmation(ADAS_ORDER);
            JobHandle charge = shop.jobs().chargePayment(7L, new BigDecimal("11.00"), Currency.USD, SandboxPaymentGateway.CARD_OK);
            shop.events.awaitCompleted(mail.id());
            shop.events.awaitCompleted(charge.id());

            assertEquals("Orders <orders@test.example>", shop.component.outbox().sentTo("ada@example.com").get(0).from());
            Charge booked = shop.component.ledger().chargesFor(7L).get(0);
            assertEquals(Currency.CHF, booked.settlementCurrency());
            assertEquals(new BigDecimal("9.50"), booked.settled(), "11.00 USD = 10 EUR = 9.50 CHF");
        }
    }

    @Test
    void anUnknownSettlementCurrencyIsReportedWithTheSettingsName() {
        TestShopComponent component = DaggerTestShopComponent.factory().create(
                new BrokerDispatcher(new InMemoryBroker(Clock.systemUTC()), Clock.systemUTC()),
                Clock.systemUTC(), Settings.of(Map.of("shop.payments.currency", "DOGE")));

        IllegalStateException error = assertThrows(IllegalStateException.class, component::chargePayment);
        assertEquals("shop.payments.currency 'DOGE' is not a currency the shop takes; use one of [EUR, USD, GBP, CHF]",
                error.getMessage());
    }

    @Test
    void aSecondInvoiceWithTheSameUniqueKeyIsANoOp() throws Exception {
        InMemoryBroker broker = new InMemoryBroker(Clock.systemUTC());
        TestShopComponent component = DaggerTestShopComponent.factory().create(
                new BrokerDispatcher(broker, Clock.systemUTC()), Clock.systemUTC(), Settings.empty());
        UUID id = ChargePayment.invoiceIdFor(5L);
        DispatchOptions unique = DispatchOptions.uniqueKey("invoice-5");

        JobHandle first = component.jobs().generateInvoice(id, 5L, List.of("Order 5"), Optional.empty(), unique);
        JobHandle second = component.jobs().generateInvoice(id, 5L, List.of("Order 5"), Optional.empty(), unique);

        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertEquals(first.id(), second.id());
        assertEquals(Optional.of(JobState.QUEUED), first.status());
        assertEquals(1, broker.stats().queues().stream().mapToLong(queue -> queue.ready()).sum());
    }

    @Test
    void aPayloadThatDoesNotDecodeGoesToTheFailedSetWithTheFieldNamed() throws Exception {
        try (RunningShop shop = RunningShop.inMemory(Settings.empty())) {
            // What a producer with an outdated or buggy encoder might send: the typed dispatcher cannot.
            JobHandle handle = new BrokerDispatcher(shop.broker, Clock.systemUTC()).dispatch(ChargePaymentCodec.TYPE,
                    "{\"orderId\":\"one thousand\",\"amount\":\"5.00\"}", DispatchOptions.none());
            Failure failure = shop.events.awaitFailed(handle.id());

            assertTrue(failure.reason().contains("charge-payment"), failure.reason());
            assertTrue(failure.reason().contains("orderId"), failure.reason());
            assertTrue(shop.events.retriesOf(handle.id()).isEmpty(), "a payload that cannot decode is not retried");
            FailedJob failed = shop.broker.failedJobs(0, 10).get(0);
            assertEquals(handle.id(), failed.job().id());
            assertEquals(Optional.of(JobState.FAILED), handle.status());
        }
    }
}
