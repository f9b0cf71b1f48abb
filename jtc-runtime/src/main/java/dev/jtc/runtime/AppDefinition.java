package dev.jtc.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything the runtime needs from one application, handed over by the generated
 * {@code <App>Worker}: the job types and scheduled tasks (known without building anything, so
 * {@code list} works without Redis), and how to build the dispatch table once the runtime has a
 * dispatcher, a clock and settings to bind into the Dagger component.
 *
 * @param name the application's name ({@code ShopApp})
 * @param packageName the package of the application's {@code @JtcApplication} class
 *     ({@code com.acme.shop}), where {@code make job} writes new jobs; empty for the unnamed package
 * @param jobTypes one per {@code @Job}
 * @param scheduledTasks one per {@code @Cron} or {@code @Every} method
 * @param runnerFactory builds the generated component and the generated {@code JobRunner} over it
 */
public record AppDefinition(
        String name,
        String packageName,
        List<JobType> jobTypes,
        List<ScheduledTask> scheduledTasks,
        RunnerFactory runnerFactory) {

    public AppDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        jobTypes = List.copyOf(jobTypes);
        scheduledTasks = List.copyOf(scheduledTasks);
        Objects.requireNonNull(runnerFactory, "runnerFactory");
    }

    /** Builds the application's dispatch table over a component bound to the runtime's objects. */
    @FunctionalInterface
    public interface RunnerFactory {
        JobRunner create(Dispatcher dispatcher, Clock clock, Settings settings);
    }
}
