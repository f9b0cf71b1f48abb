package dev.jtc.contributions;

import dev.jtc.internal.ApplicationContribution;
import javax.annotation.processing.Generated;

/**
 * Records where {@code com.acme.fleet.FleetApp} was compiled, so that a build of only some of its jobs can write its
 * generated classes again.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@ApplicationContribution(
        application = "com.acme.fleet.FleetApp"
)
final class com_acme_fleet_FleetApp_Application {
    private com_acme_fleet_FleetApp_Application() {
    }
}
