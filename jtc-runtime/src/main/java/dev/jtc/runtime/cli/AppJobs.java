package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Looks up an application's job types by name, with a helpful message when a name is wrong. */
final class AppJobs {

    private AppJobs() {}

    /** Every job type, including the ones scheduled tasks run as. */
    static List<JobType> all(AppDefinition app) {
        List<JobType> all = new ArrayList<>(app.jobTypes());
        for (ScheduledTask task : app.scheduledTasks()) {
            all.add(task.jobType());
        }
        return all;
    }

    /**
     * The job type named {@code name}.
     *
     * @throws UsageException naming the close matches ({@link Suggestions}), or listing the names
     */
    static JobType require(AppDefinition app, String name) {
        List<JobType> all = all(app);
        for (JobType type : all) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        List<String> names = all.stream().map(JobType::name).toList();
        List<String> close = Suggestions.closeTo(name, names);
        String hint = !close.isEmpty() ? "did you mean " + Suggestions.quoted(close) + "?"
                : names.isEmpty() ? "this application has no jobs" : "its jobs are: " + String.join(", ", names);
        throw new UsageException("unknown job '" + name + "' in " + app.name(), hint);
    }

    /** Whether {@code type} is a scheduled task's, which takes no payload, rather than a {@code @Job}'s. */
    static boolean isTask(AppDefinition app, JobType type) {
        return app.scheduledTasks().stream().anyMatch(task -> task.jobType().name().equals(type.name()));
    }
}
