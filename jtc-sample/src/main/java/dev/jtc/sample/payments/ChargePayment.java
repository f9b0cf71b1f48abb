package dev.jtc.sample.payments;

import dev.jtc.Job;
import dev.jtc.WithoutOverlapping;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.middleware.LogAttempts;
import dev.jtc.sample.ShopAppJobs;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges an order's card, books the charge, and then asks for the invoice. A gateway error
 * fails the attempt and the worker retries it with backoff; the job id is the gateway's
 * idempotency key, so however often it is retried the card is charged once.
 *
 * <p>Its wire name is set explicitly ({@code charge-payment}), so the class can be renamed
 * without stranding charges already queued.
 *
 * <p>The card gateway takes at most 20 charges a second from the shop, so every worker together
 * starts at most 20 per second ({@code rateLimit}); two charges of one order never run at once
 * ({@link WithoutOverlapping}); and every attempt is logged with its outcome ({@link LogAttempts}).
 */
@Job(name = "charge-payment", queue = "payments", retries = 4, timeout = "20s", backoffBase = "1s", backoffCap = "1m",
        rateLimit = "20/1s", middleware = LogAttempts.class)
@WithoutOverlapping(key = "orderId")
public final class ChargePayment {

    private static final Logger log = LoggerFactory.getLogger(ChargePayment.class);

    private final PaymentGateway gateway;
    private final Ledger ledger;
    private final ShopAppJobs jobs;

    @Inject
    public ChargePayment(PaymentGateway gateway, Ledger ledger, ShopAppJobs jobs) {
        this.gateway = gateway;
        this.ledger = ledger;
        this.jobs = jobs;
    }

    public void handle(long orderId, BigDecimal amount, Currency currency, String cardToken, JobContext context)
            throws PaymentException {
        log.info("charging {} {} for order {} (attempt {})", amount, currency, orderId, context.attempt());
        Charge charge = gateway.charge(new ChargeRequest(orderId, amount, currency, cardToken, context.id()), context.attempt());
        if (!ledger.record(charge)) {
            log.info("charge {} for order {} was booked by an earlier attempt", charge.reference(), orderId);
        }
        UUID invoiceId = invoiceIdFor(orderId);
        jobs.generateInvoice(invoiceId, orderId,
                List.of("Order " + orderId, "Paid " + amount + " " + currency + " by card, reference " + charge.reference()),
                Optional.empty(),
                DispatchOptions.uniqueKey("invoice-" + orderId));
    }

    /** The id of an order's invoice: the same for every attempt, so a retried charge cannot produce a second invoice. */
    public static UUID invoiceIdFor(long orderId) {
        return UUID.nameUUIDFromBytes(("corner-coffee/invoice/" + orderId).getBytes(StandardCharsets.UTF_8));
    }
}
