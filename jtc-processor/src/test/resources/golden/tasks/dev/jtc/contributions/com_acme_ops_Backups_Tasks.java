package dev.jtc.contributions;

import dev.jtc.internal.TaskContribution;
import javax.annotation.processing.Generated;

/**
 * Contributes the scheduled tasks of {@code com.acme.ops.Backups} to the application built with it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
@TaskContribution(
        owner = "com.acme.ops.Backups",
        schedule = "com.acme.ops.BackupsSchedule",
        tasks = {"nightly-backup", "Backups.verify"},
        runners = {"nightly", "verify"}
)
final class com_acme_ops_Backups_Tasks {
    private com_acme_ops_Backups_Tasks() {
    }
}
