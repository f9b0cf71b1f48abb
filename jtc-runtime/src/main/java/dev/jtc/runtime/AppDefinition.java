package dev.jtc.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the runtime needs from one application, handed over by the generated
 * {@code <App>Worker}: the job types and scheduled tasks (known without building anything, so
 * {@code list} works without Redis), and how to build the dispatch table once the runtime has a
 * dispatcher, a clock and settings to bind into the Dagger component.
 *
 * @param name the application's name ({@code ShopApp})
 * @param jobTypes one per {@code @Job}
 * @param scheduledTasks one per {@code @Cron} or {@code @Every} method
 * @param runnerFactory builds the generated component and the generated {@code JobRunner} over it
 */
public record AppDefinition(
        String name,
        List<JobType> jobTypes,
        List<ScheduledTask> scheduledTasks,
        RunnerFactory runnerFactory) {

    public AppDefinition {
        Objects.requireNonNull(name, "name");
        jobTypes = List.copyOf(jobTypes);
        scheduledTasks = List.copyOf(scheduledTasks);
        Objects.requireNonNull(runnerFactory, "runnerFactory");
    }

    /**
     * The queues the application's jobs and tasks use by default, in the order they are declared
     * ({@code default} if it has none): what a worker listens to unless told otherwise.
     */
    public List<String> queues() {
        Set<String> queues = new LinkedHashSet<>();
        jobTypes.forEach(type -> queues.add(type.queue()));
        scheduledTasks.forEach(task -> queues.add(task.jobType().queue()));
        if (queues.isEmpty()) {
            queues.add("default");
        }
        return List.copyOf(queues);
    }

    /** Builds the application's dispatch table over a component bound to the runtime's objects. */
    @FunctionalInterface
    public interface RunnerFactory {
        JobRunner create(Dispatcher dispatcher, Clock clock, Settings settings);
    }
}
