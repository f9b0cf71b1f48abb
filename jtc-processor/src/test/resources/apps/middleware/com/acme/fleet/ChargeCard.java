package com.acme.fleet;

import dev.jtc.Job;
import dev.jtc.WithoutOverlapping;
import jakarta.inject.Inject;
import java.math.BigDecimal;

/** Every limit at once: per customer at most 5 at a time and 100 a minute, one at a time per order. */
@Job(maxConcurrency = 5, rateLimit = "100/1m", limitKey = "customerId")
@WithoutOverlapping(key = "orderId")
final class ChargeCard {
    @Inject
    ChargeCard() {}

    void handle(String customerId, long orderId, BigDecimal amount) {
        Trail.EVENTS.add("charge " + customerId + " " + orderId + " " + amount);
    }
}
