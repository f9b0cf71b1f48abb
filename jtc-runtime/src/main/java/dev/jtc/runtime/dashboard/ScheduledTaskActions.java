package dev.jtc.runtime.dashboard;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Clock;
import java.util.Optional;

/**
 * The dashboard's "Run now" for a scheduled task: enqueues one job of the task at once, the job a
 * tick would enqueue ({@link ScheduledTask#newRun}). It is a plain enqueue, not a claimed tick, so
 * the task's last tick stays where the scheduler left it and the next scheduled tick still runs;
 * for a task without overlap, the scheduler does not wait for this run either.
 */
final class ScheduledTaskActions {

    private final Broker broker;
    private final AppDefinition app;
    private final Clock clock;

    ScheduledTaskActions(Broker broker, AppDefinition app, Clock clock) {
        this.broker = broker;
        this.app = app;
        this.clock = clock;
    }

    /** The job enqueued for the task named {@code taskName}; empty if the application has no such task. */
    Optional<JobMessage> runNow(String taskName) {
        Optional<ScheduledTask> task = app.scheduledTasks().stream().filter(t -> t.name().equals(taskName)).findFirst();
        if (task.isEmpty()) {
            return Optional.empty();
        }
        JobMessage job = task.get().newRun(clock.instant());
        broker.enqueue(job);
        return Optional.of(job);
    }
}
