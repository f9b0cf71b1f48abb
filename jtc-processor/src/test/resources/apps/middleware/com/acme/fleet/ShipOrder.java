package com.acme.fleet;

import dev.jtc.Job;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.middleware.LogAttempts;
import jakarta.inject.Inject;

/** Its own middleware, a built-in one and an injected one, inside the application's. */
@Job(name = "ship-order", middleware = {LogAttempts.class, AuditTrail.class})
final class ShipOrder {
    @Inject
    ShipOrder() {}

    void handle(long orderId, JobContext context) {
        Trail.EVENTS.add("ship " + orderId + " attempt " + context.attempt());
    }
}
