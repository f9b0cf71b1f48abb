package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.sample.invoices.GenerateInvoiceCodec;
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
import dev.jtc.test.FakeDispatcher;
import dev.jtc.test.JtcExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shop's jobs dispatched through the generated {@code ShopAppJobs} and run by a real worker
 * through the generated {@code ShopAppJobRunner} and codecs, on the in-memory broker (jtc-test's
 * {@link JtcExtension} in worker mode); each test checks what the job did (mails in the outbox,
 * charges in the ledger, invoices filed).
 */
class ShopJobsTest {

    @RegisterExtension
    final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
            .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
            .worker()
            .build();

    static final Order ADAS_ORDER = new Order(1001, "Ada Lovelace", "ada@example.com", Currency.EUR,
            List.of(new LineItem("BEAN-1KG", "Espresso beans, 1 kg", 2, new BigDecimal("24.50")),
                    new LineItem("FILTER-100", "Paper filters, 100", 1, new BigDecimal("3.90"))),
            Instant.parse("2026-03-02T09:15:00Z"));

    @Test
    void orderConfirmationIsMailedToTheCustomer() throws Exception {
        JobHandle handle = jtc.component().jobs().sendOrderConfirmation(ADAS_ORDER);
        jtc.awaitCompleted(handle);

        List<Mail> mails = jtc.component().outbox().sentTo("ada@example.com");
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

    @Test
    void chargeIsBookedOnceAndOrdersTheInvoice() throws Exception {
        JobHandle handle = jtc.component().jobs().chargePayment(1001L, new BigDecimal("52.90"), Currency.EUR, SandboxPaymentGateway.CARD_OK);
        jtc.awaitCompleted(handle);
        jtc.awaitCompleted(GenerateInvoiceCodec.job(), 1);

        List<Charge> charges = jtc.component().ledger().chargesFor(1001L);
        assertEquals(1, charges.size(), "charges: " + charges);
        Charge charge = charges.get(0);
        assertEquals(new BigDecimal("52.90"), charge.amount());
        assertEquals(new BigDecimal("52.90"), charge.settled());
        assertEquals(Currency.EUR, charge.settlementCurrency());
        assertEquals(1, charge.attempt());
        assertTrue(jtc.retriesOf(handle).isEmpty());

        Invoice invoice = jtc.component().invoices().find(ChargePayment.invoiceIdFor(1001L)).orElseThrow();
        assertEquals(1001L, invoice.orderId());
        assertEquals(List.of("Order 1001", "Paid 52.90 EUR by card, reference " + charge.reference()), invoice.lines());
        assertEquals(Optional.empty(), invoice.vatId());
        assertTrue(invoice.text().contains("No VAT id given"), invoice.text());
    }

    @Test
    void aChargeThatTimesOutIsRetriedAndChargedOnce() throws Exception {
        JobHandle handle = jtc.component().jobs().chargePayment(1002L, new BigDecimal("18.00"), Currency.USD,
                SandboxPaymentGateway.CARD_FLAKY_NETWORK);
        jtc.awaitCompleted(handle);

        List<Failure> retries = jtc.retriesOf(handle);
        assertEquals(1, retries.size(), "retried attempts: " + retries);
        assertEquals(1, retries.get(0).attempt());
        assertTrue(retries.get(0).reason().contains("card network timed out for order 1002"), retries.get(0).reason());

        List<Charge> charges = jtc.component().ledger().chargesFor(1002L);
        assertEquals(1, charges.size(), "charges: " + charges);
        assertEquals(2, charges.get(0).attempt());
        assertEquals(new BigDecimal("16.36"), charges.get(0).settled(), "18.00 USD at 1.10 USD per EUR");
        assertEquals(Optional.of(JobState.COMPLETED), handle.status());
    }

    @Test
    void aBusinessInvoiceCarriesTheVatId() throws Exception {
        UUID id = UUID.fromString("5f0c9a52-3d5e-4c1a-9a8e-0b7d6c2e1f30");
        JobHandle handle = jtc.component().jobs().generateInvoice(id, 990L, List.of("Hand grinder x 4", "Wholesale discount 10%"),
                Optional.of("DE123456789"));
        jtc.awaitCompleted(handle);

        Invoice invoice = jtc.component().invoices().find(id).orElseThrow();
        assertEquals(Optional.of("DE123456789"), invoice.vatId());
        assertEquals(List.of("Hand grinder x 4", "Wholesale discount 10%"), invoice.lines());
        assertTrue(invoice.text().contains("  Hand grinder x 4\n  Wholesale discount 10%\n"), invoice.text());
        assertTrue(invoice.text().contains("Customer VAT id DE123456789: reverse charge applies"), invoice.text());
    }

    @Test
    void anUnknownSettlementCurrencyIsReportedWithTheSettingsName() {
        TestShopComponent component = DaggerTestShopComponent.factory().create(new FakeDispatcher(), Clock.systemUTC(),
                Settings.of(Map.of("shop.payments.currency", "DOGE")));

        IllegalStateException error = assertThrows(IllegalStateException.class, component::chargePayment);
        assertEquals("shop.payments.currency 'DOGE' is not a currency the shop takes; use one of [EUR, USD, GBP, CHF]",
                error.getMessage());
    }

    @Test
    void aPayloadThatDoesNotDecodeGoesToTheFailedSetWithTheFieldNamed() throws Exception {
        // What a producer with an outdated or buggy encoder might send: the typed dispatcher cannot.
        JobHandle handle = jtc.dispatcher().dispatch(ChargePaymentCodec.TYPE,
                "{\"orderId\":\"one thousand\",\"amount\":\"5.00\"}", DispatchOptions.none());
        Failure failure = jtc.awaitFailed(handle);

        assertTrue(failure.reason().contains("charge-payment"), failure.reason());
        assertTrue(failure.reason().contains("orderId"), failure.reason());
        assertTrue(jtc.retriesOf(handle).isEmpty(), "a payload that cannot decode is not retried");
        FailedJob failed = jtc.broker().failedJobs(0, 10).get(0);
        assertEquals(handle.id(), failed.job().id());
        assertEquals(Optional.of(JobState.FAILED), handle.status());
    }

    @Nested
    class WithSettings {

        @RegisterExtension
        final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
                .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
                .settings(Map.of("shop.mail.sender", "Orders <orders@test.example>", "shop.payments.currency", "chf"))
                .worker()
                .build();

        @Test
        void settingsChooseTheSenderAndTheSettlementCurrency() throws Exception {
            JobHandle mail = jtc.component().jobs().sendOrderConfirmation(ADAS_ORDER);
            JobHandle charge = jtc.component().jobs().chargePayment(7L, new BigDecimal("11.00"), Currency.USD, SandboxPaymentGateway.CARD_OK);
            jtc.awaitCompleted(mail);
            jtc.awaitCompleted(charge);

            assertEquals("Orders <orders@test.example>", jtc.component().outbox().sentTo("ada@example.com").get(0).from());
            Charge booked = jtc.component().ledger().chargesFor(7L).get(0);
            assertEquals(Currency.CHF, booked.settlementCurrency());
            assertEquals(new BigDecimal("9.50"), booked.settled(), "11.00 USD = 10 EUR = 9.50 CHF");
        }
    }
}
