package com.acme.fleet;

import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Tables;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@link FleetApp}, from the schedule of each class with {@code @Cron} or {@code @Every}
 * methods (the tasks themselves, in plain words, are in those). Each tick runs as a job named after its
 * task, through {@link FleetAppJobRunner}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class FleetAppScheduleRegistry {
    /**
     * Every scheduled task of the application, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = Tables.concat(
            // tasks declared in com.acme.fleet
            MaintenanceSchedule.TASKS);

    private FleetAppScheduleRegistry() {
    }
}
