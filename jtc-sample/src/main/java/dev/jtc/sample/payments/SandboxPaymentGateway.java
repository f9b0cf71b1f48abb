package dev.jtc.sample.payments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A payment gateway that runs in memory, with test cards like a real provider's sandbox:
 * {@value #CARD_OK} always succeeds and {@value #CARD_FLAKY_NETWORK} times out on the first call
 * for each idempotency key, so the sample shows a job being retried. Amounts settle into the
 * shop's currency at {@link Currency#perEuro()} rates.
 */
public final class SandboxPaymentGateway implements PaymentGateway {

    /** A test card that is always accepted. */
    public static final String CARD_OK = "tok_visa";

    /** A test card whose first charge per idempotency key fails with a network timeout. */
    public static final String CARD_FLAKY_NETWORK = "tok_flaky_network";

    private final Currency settlementCurrency;
    private final Clock clock;
    private final Map<String, Charge> chargesByKey = new HashMap<>();
    private final Set<String> timedOutOnce = new HashSet<>();

    public SandboxPaymentGateway(Currency settlementCurrency, Clock clock) {
        this.settlementCurrency = settlementCurrency;
        this.clock = clock;
    }

    @Override
    public synchronized Charge charge(ChargeRequest request, int attempt) throws PaymentException {
        Charge earlier = chargesByKey.get(request.idempotencyKey());
        if (earlier != null) {
            return earlier;
        }
        if (request.amount().signum() <= 0) {
            throw new PaymentException("amount must be positive, got " + request.amount() + " " + request.currency());
        }
        if (!request.cardToken().startsWith("tok_")) {
            throw new PaymentException("'" + request.cardToken() + "' is not a card token; the sandbox takes "
                    + CARD_OK + " or " + CARD_FLAKY_NETWORK);
        }
        if (request.cardToken().equals(CARD_FLAKY_NETWORK) && timedOutOnce.add(request.idempotencyKey())) {
            throw new PaymentException("card network timed out for order " + request.orderId()
                    + " (sandbox card " + CARD_FLAKY_NETWORK + " fails its first attempt)");
        }
        Charge charge = new Charge("ch_" + Integer.toHexString(request.idempotencyKey().hashCode()) + "_" + request.orderId(),
                request.orderId(), request.amount(), request.currency(), settle(request.amount(), request.currency()),
                settlementCurrency, attempt, clock.instant());
        chargesByKey.put(request.idempotencyKey(), charge);
        return charge;
    }

    private BigDecimal settle(BigDecimal amount, Currency currency) {
        return amount.multiply(settlementCurrency.perEuro())
                .divide(currency.perEuro(), 2, RoundingMode.HALF_EVEN);
    }
}
