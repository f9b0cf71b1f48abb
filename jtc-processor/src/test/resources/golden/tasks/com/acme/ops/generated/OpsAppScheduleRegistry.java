package com.acme.ops.generated;

import com.acme.ops.BackupsSchedule;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Tables;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The scheduled tasks of {@code com.acme.ops.OpsApp}, from the schedule of each class with {@code @Cron} or {@code @Every}
 * methods (the tasks themselves, in plain words, are in those). Each tick runs as a job named after its
 * task, through {@link OpsAppJobRunner}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class OpsAppScheduleRegistry {
    /**
     * Every scheduled task of the application, in a stable order.
     */
    public static final List<ScheduledTask> TASKS = Tables.concat(
            // tasks declared in com.acme.ops
            BackupsSchedule.TASKS);

    private OpsAppScheduleRegistry() {
    }
}
