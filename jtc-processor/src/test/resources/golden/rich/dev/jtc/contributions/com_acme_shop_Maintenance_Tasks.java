package dev.jtc.contributions;

import dev.jtc.internal.TaskContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes the scheduled tasks of {@code com.acme.shop.Maintenance} to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@TaskContribution(
        owner = "com.acme.shop.Maintenance",
        schedule = "com.acme.shop.MaintenanceSchedule",
        tasks = {"Maintenance.healthCheck", "Maintenance.hourlyCleanup", "Maintenance.morningReport"},
        runners = {"healthCheck", "hourlyCleanup", "morningReport"}
)
final class com_acme_shop_Maintenance_Tasks {
    private com_acme_shop_Maintenance_Tasks() {
    }
}
