package dev.jtc.sample.payments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A charge the gateway accepted, as the ledger keeps it.
 *
 * @param reference the gateway's reference, one per idempotency key
 * @param orderId the order paid
 * @param amount what the customer paid, in {@code currency}
 * @param currency the customer's currency
 * @param settled what the shop receives, in {@code settlementCurrency}
 * @param settlementCurrency the shop's own currency ({@code shop.payments.currency})
 * @param attempt which attempt of the charge job succeeded (1 for the first)
 * @param chargedAt when the gateway accepted it
 */
public record Charge(String reference, long orderId, BigDecimal amount, Currency currency, BigDecimal settled,
        Currency settlementCurrency, int attempt, Instant chargedAt) {}
