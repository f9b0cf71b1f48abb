package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code ChargeCard} ({@code com.acme.fleet.ChargeCard}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.fleet.ChargeCard",
        codec = "com.acme.fleet.ChargeCardCodec",
        name = "ChargeCard",
        parameters = {"customerId", "orderId", "amount"}
)
final class com_acme_fleet_ChargeCard_Job {
    private com_acme_fleet_ChargeCard_Job() {
    }
}
