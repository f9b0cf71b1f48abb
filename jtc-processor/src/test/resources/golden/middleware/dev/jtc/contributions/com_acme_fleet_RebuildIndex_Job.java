package dev.jtc.contributions;

import dev.jtc.internal.JobContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes job {@code RebuildIndex} ({@code com.acme.fleet.RebuildIndex}) to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@JobContribution(
        job = "com.acme.fleet.RebuildIndex",
        codec = "com.acme.fleet.RebuildIndexCodec",
        name = "RebuildIndex",
        parameters = {}
)
final class com_acme_fleet_RebuildIndex_Job {
    private com_acme_fleet_RebuildIndex_Job() {
    }
}
