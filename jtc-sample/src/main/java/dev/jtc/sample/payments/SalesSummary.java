package dev.jtc.sample.payments;

import java.math.BigDecimal;

/**
 * The takings of one period, as the morning report states them.
 *
 * @param charges how many charges settled
 * @param total their settled sum
 * @param currency the shop's settlement currency
 */
public record SalesSummary(int charges, BigDecimal total, Currency currency) {}
