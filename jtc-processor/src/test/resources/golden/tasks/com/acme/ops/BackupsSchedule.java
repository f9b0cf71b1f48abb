package com.acme.ops;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.ScheduledTask;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@link Backups}: one constant per {@code @Cron} or {@code @Every} method, and
 * the methods that run one tick of each on an instance of it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class BackupsSchedule {
    /**
     * At 00:00 every day, UTC. Runs {@link Backups#nightly}.
     */
    public static final ScheduledTask NIGHTLY = ScheduledTask.cron("nightly-backup", "@daily", ZoneOffset.UTC)
            .timeout(Duration.ofHours(2))
            .build();

    /**
     * Every 1 hour 30 minutes. Runs {@link Backups#verify}.
     */
    public static final ScheduledTask VERIFY = ScheduledTask.every("Backups.verify", "1h30m", Duration.ofMinutes(90))
            .build();

    /**
     * Every scheduled task of {@link Backups}, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = List.of(NIGHTLY, VERIFY);

    private BackupsSchedule() {
    }

    /**
     * Runs one tick of {@link #NIGHTLY} on {@code owner}.
     */
    public static void nightly(Backups owner, JobContext context) throws Exception {
        owner.nightly();
    }

    /**
     * Runs one tick of {@link #VERIFY} on {@code owner}.
     */
    public static void verify(Backups owner, JobContext context) throws Exception {
        owner.verify();
    }
}
