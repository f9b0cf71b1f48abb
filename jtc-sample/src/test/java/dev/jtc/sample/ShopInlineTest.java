package dev.jtc.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobState;
import dev.jtc.sample.invoices.GenerateInvoiceCodec;
import dev.jtc.sample.mail.Mail;
import dev.jtc.sample.orders.SendOrderConfirmationCodec;
import dev.jtc.sample.payments.Charge;
import dev.jtc.sample.payments.ChargePayment;
import dev.jtc.sample.payments.ChargePaymentCodec;
import dev.jtc.sample.payments.Currency;
import dev.jtc.sample.payments.SandboxPaymentGateway;
import dev.jtc.test.Dispatch;
import dev.jtc.test.JtcExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shop's jobs run inline by jtc-test's {@link JtcExtension}: what a job dispatches is
 * asserted on as the next job's decoded payload, the jobs run on the test's thread when the test
 * says so, and the manual clock is moved to fire the morning report.
 */
class ShopInlineTest {

    @RegisterExtension
    final JtcExtension<TestShopComponent> jtc = JtcExtension.forApp(ShopAppWorker.definition())
            .component(DaggerTestShopComponent.factory()::create, ShopAppJobRunner::new)
            .startingAt("2026-03-02T05:59:30Z")   // Monday, 06:59:30 in Berlin
            .build();

    @Test
    void aChargeOrdersItsInvoiceOnceItIsBooked() {
        jtc.component().jobs().chargePayment(1001L, new BigDecimal("52.90"), Currency.EUR, SandboxPaymentGateway.CARD_OK);
        jtc.dispatcher().assertDispatched(ChargePaymentCodec.job(), p -> p.orderId() == 1001L && p.currency() == Currency.EUR);
        jtc.dispatcher().assertNotDispatched(GenerateInvoiceCodec.job());

        assertEquals(2, jtc.runPending(), "the charge, then the invoice it dispatched");

        Dispatch<GenerateInvoiceCodec.Payload> invoice = jtc.dispatcher().dispatchedOnce(GenerateInvoiceCodec.job());
        Charge charge = jtc.component().ledger().chargesFor(1001L).get(0);
        assertEquals(ChargePayment.invoiceIdFor(1001L), invoice.payload().invoiceId());
        assertEquals(List.of("Order 1001", "Paid 52.90 EUR by card, reference " + charge.reference()), invoice.payload().lines());
        assertEquals("default", invoice.queue());
        assertTrue(jtc.component().invoices().find(ChargePayment.invoiceIdFor(1001L)).isPresent());
        jtc.dispatcher().assertNotDispatched(SendOrderConfirmationCodec.job());
    }

    @Test
    void aSecondInvoiceWithTheSameUniqueKeyIsANoOp() {
        UUID id = ChargePayment.invoiceIdFor(5L);
        DispatchOptions unique = DispatchOptions.uniqueKey("invoice-5");

        JobHandle first = jtc.component().jobs().generateInvoice(id, 5L, List.of("Order 5"), Optional.empty(), unique);
        JobHandle second = jtc.component().jobs().generateInvoice(id, 5L, List.of("Order 5"), Optional.empty(), unique);

        assertFalse(first.duplicate());
        assertTrue(second.duplicate());
        assertEquals(first.id(), second.id());
        assertEquals(Optional.of("invoice-5"), jtc.dispatcher().dispatchedOnce(GenerateInvoiceCodec.job()).uniqueKey());
        assertEquals(Optional.of(JobState.QUEUED), first.status());
    }

    @Test
    void theMorningReportMailsYesterdaysTakingsInBerlinTime() {
        // Sunday in Berlin: 00:30 CET on the 1st is still Saturday in UTC, 23:30 CET is still Sunday.
        book(1, "2026-02-28T23:30:00Z", "20.00");
        book(2, "2026-03-01T22:30:00Z", "32.90");
        book(3, "2026-02-28T22:30:00Z", "99.00"); // Saturday 23:30 in Berlin: not yesterday
        book(4, "2026-03-02T05:00:00Z", "15.00"); // this morning: not yesterday

        jtc.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), jtc.component().outbox().sentTo("owner@corner-coffee.example"), "not yet 07:00");
        jtc.advance(Duration.ofSeconds(1));

        List<Mail> mails = jtc.component().outbox().sentTo("owner@corner-coffee.example");
        assertEquals(1, mails.size(), "mails to the owner: " + mails);
        assertEquals("Sales for 2026-03-01: 52.90 EUR", mails.get(0).subject());
        assertTrue(mails.get(0).body().startsWith("2 payment(s) settled on 2026-03-01 (Europe/Berlin)"), mails.get(0).body());
        assertEquals(Instant.parse("2026-03-02T06:00:00Z"), jtc.now());
        assertEquals(6, jtc.dispatcher().dispatched("InventoryTasks.refreshStock").size(), "the 5-second refresh ticked on the way");
    }

    private void book(long orderId, String at, String amount) {
        BigDecimal value = new BigDecimal(amount);
        jtc.component().ledger().record(new Charge("ch_test_" + orderId, orderId, value, Currency.EUR, value, Currency.EUR, 1,
                Instant.parse(at)));
    }
}
