package dev.jtc.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * Every contribution the application is built from: the markers of this compilation and those
 * found as class files (an earlier build of the module, or dependency jars), minus the leftovers.
 *
 * @param leftovers the markers that were skipped because what they describe is gone
 */
public record Contributions(List<Job> jobs, List<Owner> owners, List<Application> applications, List<Leftover> leftovers) {

    public Contributions {
        jobs = List.copyOf(jobs);
        owners = List.copyOf(owners);
        applications = List.copyOf(applications);
        leftovers = List.copyOf(leftovers);
    }

    /**
     * A {@code @Job} class, from its {@code @JobContribution} marker.
     *
     * @param parameters the payload parameter names of {@code handle}, as its source wrote them
     * @param middleware the job's own middleware classes, in order, by canonical name (resolved,
     *     and checked, where the application is built)
     */
    public record Job(TypeElement marker, TypeElement job, TypeElement codec, String wireName, List<String> parameters,
            List<String> middleware) {

        public Job {
            parameters = List.copyOf(parameters);
            middleware = List.copyOf(middleware);
        }
    }

    /**
     * A class with scheduled methods, from its {@code @TaskContribution} marker.
     *
     * @param tasks the tasks' wire names, in the schedule's order
     * @param runners per task, the schedule's method that runs one tick
     */
    public record Owner(TypeElement marker, TypeElement owner, TypeElement schedule, List<String> tasks, List<String> runners) {

        public Owner {
            tasks = List.copyOf(tasks);
            runners = List.copyOf(runners);
        }
    }

    /** A marker left out, and why: {@code com.acme.Foo}, {@code it is no longer annotated @Job}. */
    public record Leftover(String subject, String reason) {}

    /** A {@code @JtcApplication} compiled earlier, from its {@code @ApplicationContribution} marker. */
    public record Application(TypeElement marker, TypeElement application) {}
}
