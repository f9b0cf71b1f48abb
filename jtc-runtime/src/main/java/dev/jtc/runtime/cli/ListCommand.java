package dev.jtc.runtime.cli;

import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.schedule.Durations;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code list}: the application's jobs and schedules, with each schedule's next run times. Needs no broker. */
@Command(name = "list", description = "List the jobs and the scheduled tasks, with their next run times.")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--next", paramLabel = "N", description = "How many next run times to show per task (default 3).")
    int next = 3;

    private final CliContext context;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (next < 0) {
            throw new UsageException("--next must not be negative");
        }
        List<JobType> jobs = context.app.jobTypes();
        context.out.println("Jobs of " + context.app.name() + " (" + jobs.size() + ")");
        if (jobs.isEmpty()) {
            context.out.println("  none: annotate a class with @Job (or run: make job SendWelcomeEmail)");
        } else {
            TextTable table = new TextTable("NAME", "QUEUE", "RETRIES", "TIMEOUT", "LIMITS", "SCHEMA");
            for (JobType job : jobs) {
                table.row(job.name(), job.queue(), job.retries(), timeout(job), job.limits().isNone() ? "-" : job.limits().describe(),
                        job.schema().isEmpty() ? "(no parameters)" : job.schema());
            }
            table.print(context.out);
        }
        context.out.println();
        List<ScheduledTask> tasks = context.app.scheduledTasks();
        context.out.println("Scheduled tasks (" + tasks.size() + ")");
        if (tasks.isEmpty()) {
            context.out.println("  none: annotate a method with @Cron(\"0 * * * *\") or @Every(\"30s\")");
        } else {
            NextRuns.table(tasks, context.clock.instant(), next).print(context.out);
        }
        context.out.flush();
        return 0;
    }

    private static String timeout(JobType job) {
        return job.hasTimeout() ? Durations.format(job.timeout()) : "none";
    }
}
