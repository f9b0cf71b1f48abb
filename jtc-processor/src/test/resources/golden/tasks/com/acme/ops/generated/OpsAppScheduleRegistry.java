package com.acme.ops.generated;

import com.acme.ops.Backups;
import dev.jtc.runtime.ScheduledTask;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@code com.acme.ops.OpsApp}: one constant per {@code @Cron} or {@code @Every} method. Each tick
 * runs as a job named after the task, through {@link OpsAppJobRunner}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class OpsAppScheduleRegistry {
    /**
     * Every 1 hour 30 minutes. Runs {@link Backups#verify}.
     */
    public static final ScheduledTask BACKUPS_VERIFY = ScheduledTask.every("Backups.verify", "1h30m", Duration.ofMinutes(90))
            .build();

    /**
     * At 00:00 every day, UTC. Runs {@link Backups#nightly}.
     */
    public static final ScheduledTask NIGHTLY_BACKUP = ScheduledTask.cron("nightly-backup", "@daily", ZoneOffset.UTC)
            .timeout(Duration.ofHours(2))
            .build();

    /**
     * Every scheduled task of the application, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = List.of(
            // tasks declared in com.acme.ops.Backups
            BACKUPS_VERIFY,
            NIGHTLY_BACKUP);

    private OpsAppScheduleRegistry() {
    }
}
