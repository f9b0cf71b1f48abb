package com.acme.shop;

import dev.jtc.Job;
import dev.jtc.runtime.JobContext;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A job with a rich payload that chains another job through the generated dispatcher. */
@Job(name = "ship-order", backoffBase = "5s", backoffCap = "1h")
final class ShipOrder {
    private final ShopAppJobs jobs;

    @Inject
    ShipOrder(ShopAppJobs jobs) {
        this.jobs = jobs;
    }

    void handle(UUID orderId, List<LineItem> items, Address address, Optional<Instant> notBefore,
            Map<String, Integer> stock, Priority priority, BigDecimal total, JobContext context) {
        Outbox.SENT.add("shipped " + orderId + " (" + items.size() + " items, " + priority + ", " + total + ") attempt "
                + context.attempt());
        jobs.sendWelcomeEmail(7L, "order-shipped");
    }
}
