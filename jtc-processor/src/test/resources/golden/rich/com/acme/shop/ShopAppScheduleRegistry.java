package com.acme.shop;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.ScheduledTask;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@link ShopApp}: one constant per {@code @Cron} or {@code @Every} method. Each tick
 * runs as a job named after the task, through {@link ShopAppJobRunner}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class ShopAppScheduleRegistry {
    /**
     * Every 30 seconds. Runs {@link Maintenance#healthCheck}.
     */
    public static final ScheduledTask MAINTENANCE_HEALTH_CHECK = ScheduledTask.every("Maintenance.healthCheck", "30s", Duration.ofSeconds(30))
            .overlap(false)
            .queue("health")
            .retries(2)
            .timeout(Duration.ofSeconds(10))
            .build();

    /**
     * At minute 0 of every hour, UTC. Runs {@link Maintenance#hourlyCleanup}.
     */
    public static final ScheduledTask MAINTENANCE_HOURLY_CLEANUP = ScheduledTask.cron("Maintenance.hourlyCleanup", "0 * * * *", ZoneOffset.UTC)
            .description("Clean temp files")
            .build();

    /**
     * At 09:00 on Monday through Friday, Europe/Berlin. Runs {@link Maintenance#morningReport}.
     */
    public static final ScheduledTask MAINTENANCE_MORNING_REPORT = ScheduledTask.cron("Maintenance.morningReport", "0 9 * * MON-FRI", ZoneId.of("Europe/Berlin"))
            .missed(MissedTicks.SKIP)
            .build();

    /**
     * Every scheduled task of the application, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = List.of(
            // tasks declared in com.acme.shop.Maintenance
            MAINTENANCE_HEALTH_CHECK,
            MAINTENANCE_HOURLY_CLEANUP,
            MAINTENANCE_MORNING_REPORT);

    private ShopAppScheduleRegistry() {
    }
}
