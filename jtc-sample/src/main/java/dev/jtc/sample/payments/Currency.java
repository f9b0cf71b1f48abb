package dev.jtc.sample.payments;

import java.math.BigDecimal;

/**
 * The currencies the shop takes, with the sandbox gateway's fixed exchange rates (units per
 * euro). A real gateway quotes its own rates; fixed ones keep the sample's numbers checkable.
 */
public enum Currency {
    EUR("1.00"),
    USD("1.10"),
    GBP("0.85"),
    CHF("0.95");

    private final BigDecimal perEuro;

    Currency(String perEuro) {
        this.perEuro = new BigDecimal(perEuro);
    }

    /** How many units of this currency one euro buys in the sandbox. */
    public BigDecimal perEuro() {
        return perEuro;
    }
}
