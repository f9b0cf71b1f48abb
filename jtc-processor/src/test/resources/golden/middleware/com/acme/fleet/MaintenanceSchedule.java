package com.acme.fleet;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.ScheduledTask;
import java.time.Duration;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@link Maintenance}: one constant per {@code @Cron} or {@code @Every} method, and
 * the methods that run one tick of each on an instance of it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class MaintenanceSchedule {
    /**
     * Every 30 seconds. Runs {@link Maintenance#healthCheck}.
     */
    public static final ScheduledTask HEALTH_CHECK = ScheduledTask.every("Maintenance.healthCheck", "30s", Duration.ofSeconds(30))
            .build();

    /**
     * Every scheduled task of {@link Maintenance}, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = List.of(HEALTH_CHECK);

    private MaintenanceSchedule() {
    }

    /**
     * Runs one tick of {@link #HEALTH_CHECK} on {@code owner}.
     */
    public static void healthCheck(Maintenance owner, JobContext context) throws Exception {
        owner.healthCheck();
    }
}
