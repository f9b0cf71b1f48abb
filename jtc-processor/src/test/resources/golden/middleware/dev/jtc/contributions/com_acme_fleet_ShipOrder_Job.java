package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code ship-order} ({@code com.acme.fleet.ShipOrder}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.fleet.ShipOrder",
        codec = "com.acme.fleet.ShipOrderCodec",
        name = "ship-order",
        parameters = {"orderId"},
        middleware = {"dev.jtc.runtime.middleware.LogAttempts", "com.acme.fleet.AuditTrail"}
)
final class com_acme_fleet_ShipOrder_Job {
    private com_acme_fleet_ShipOrder_Job() {
    }
}
