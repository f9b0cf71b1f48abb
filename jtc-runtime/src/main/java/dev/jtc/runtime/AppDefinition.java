package dev.jtc.runtime;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the runtime needs from one application, handed over by the generated
 * {@code <App>Worker}: the job types and scheduled tasks (known without building anything, so
 * {@code list} works without Redis), how to build the dispatch table once the runtime has a
 * dispatcher, a clock and settings to bind into the Dagger component, and how to check a payload
 * with the jobs' generated codecs without running anything.
 *
 * @param name the application's name ({@code ShopApp})
 * @param packageName the package of the application's {@code @JtcApplication} class
 *     ({@code com.acme.shop}), where {@code make job} writes new jobs; empty for the unnamed package
 * @param jobTypes one per {@code @Job}
 * @param scheduledTasks one per {@code @Cron} or {@code @Every} method
 * @param runnerFactory builds the generated component and the generated {@code JobRunner} over it
 * @param payloadValidator decodes a payload as the named job's generated codec does; the command
 *     line's {@code enqueue} checks a payload with it before the payload reaches the broker
 */
public record AppDefinition(
        String name,
        String packageName,
        List<JobType> jobTypes,
        List<ScheduledTask> scheduledTasks,
        RunnerFactory runnerFactory,
        PayloadValidator payloadValidator) {

    public AppDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(packageName, "packageName");
        jobTypes = List.copyOf(jobTypes);
        scheduledTasks = List.copyOf(scheduledTasks);
        Objects.requireNonNull(runnerFactory, "runnerFactory");
        Objects.requireNonNull(payloadValidator, "payloadValidator");
    }

    /**
     * A definition without generated codecs to check payloads with (a hand-written application,
     * a test): {@code enqueue} then checks only that a payload is one JSON object, and the worker
     * finds out whether it decodes.
     */
    public AppDefinition(String name, String packageName, List<JobType> jobTypes, List<ScheduledTask> scheduledTasks,
            RunnerFactory runnerFactory) {
        this(name, packageName, jobTypes, scheduledTasks, runnerFactory, PayloadValidator.NONE);
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

    /**
     * Decodes a payload as a job's generated codec does, and throws it away: the generated
     * {@code <App>JobRunner.validatePayload}, a {@code switch} from each {@code @Job}'s name to its
     * codec's {@code decode}. It builds nothing and needs no component, so a producer can check a
     * payload before sending it.
     */
    @FunctionalInterface
    public interface PayloadValidator {

        /** Accepts every payload of every job: for definitions without generated codecs. */
        PayloadValidator NONE = (jobName, payload) -> {};

        /**
         * Decodes {@code payload} as the job {@code jobName}'s codec does.
         *
         * @throws PayloadException if it does not decode into the job's parameters: malformed
         *     JSON, a missing field, a value of the wrong type; the message names the job, the
         *     field's path and the problem
         * @throws UnknownJobException if no {@code @Job} has that name (scheduled tasks take no
         *     payload and are not in the table)
         */
        void validate(String jobName, String payload) throws PayloadException, UnknownJobException;
    }
}
