package dev.jtc.sample.payments;

import java.math.BigDecimal;

/**
 * What the shop asks the payment gateway to charge.
 *
 * @param orderId the order being paid
 * @param amount the amount in {@code currency}
 * @param currency the currency the customer pays in
 * @param cardToken the gateway's token for the customer's card
 * @param idempotencyKey the same for every attempt of one charge, so a retry never charges twice
 */
public record ChargeRequest(long orderId, BigDecimal amount, Currency currency, String cardToken, String idempotencyKey) {}
