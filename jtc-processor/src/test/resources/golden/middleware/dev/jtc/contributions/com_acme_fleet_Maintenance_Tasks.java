package dev.jtc.contributions;

import dev.jtc.internal.TaskContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes the scheduled tasks of {@code com.acme.fleet.Maintenance} to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@TaskContribution(
        owner = "com.acme.fleet.Maintenance",
        schedule = "com.acme.fleet.MaintenanceSchedule",
        tasks = {"Maintenance.healthCheck"},
        runners = {"healthCheck"}
)
final class com_acme_fleet_Maintenance_Tasks {
    private com_acme_fleet_Maintenance_Tasks() {
    }
}
