package com.acme.shop;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.ScheduledTask;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
            .overlap(false)
            .queue("health")
            .retries(2)
            .timeout(Duration.ofSeconds(10))
            .build();

    /**
     * At minute 0 of every hour, UTC. Runs {@link Maintenance#hourlyCleanup}.
     */
    public static final ScheduledTask HOURLY_CLEANUP = ScheduledTask.cron("Maintenance.hourlyCleanup", "0 * * * *", ZoneOffset.UTC)
            .description("Clean temp files")
            .build();

    /**
     * At 09:00 on Monday through Friday, Europe/Berlin. Runs {@link Maintenance#morningReport}.
     */
    public static final ScheduledTask MORNING_REPORT = ScheduledTask.cron("Maintenance.morningReport", "0 9 * * MON-FRI", ZoneId.of("Europe/Berlin"))
            .missed(MissedTicks.SKIP)
            .build();

    /**
     * Every scheduled task of {@link Maintenance}, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = List.of(HEALTH_CHECK, HOURLY_CLEANUP, MORNING_REPORT);

    private MaintenanceSchedule() {
    }

    /**
     * Runs one tick of {@link #HEALTH_CHECK} on {@code owner}.
     */
    public static void healthCheck(Maintenance owner, JobContext context) throws Exception {
        owner.healthCheck();
    }

    /**
     * Runs one tick of {@link #HOURLY_CLEANUP} on {@code owner}.
     */
    public static void hourlyCleanup(Maintenance owner, JobContext context) throws Exception {
        owner.hourlyCleanup(context);
    }

    /**
     * Runs one tick of {@link #MORNING_REPORT} on {@code owner}.
     */
    public static void morningReport(Maintenance owner, JobContext context) throws Exception {
        owner.morningReport();
    }
}
