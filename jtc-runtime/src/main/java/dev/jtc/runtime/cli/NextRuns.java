package dev.jtc.runtime.cli;

import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.ScheduledTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The next run times of a scheduled task, written in the task's own zone with its offset. */
final class NextRuns {

    private NextRuns() {}

    /** Up to {@code count} run times after {@code now}, comma-separated; "never again" if the schedule ends. */
    static String of(ScheduledTask task, Instant now, int count) {
        List<String> runs = new ArrayList<>();
        Instant cursor = now;
        for (int i = 0; i < count; i++) {
            Optional<Instant> run = task.schedule().nextRunAfter(cursor);
            if (run.isEmpty()) {
                runs.add("never again");
                break;
            }
            runs.add(DisplayFormat.instant(run.get(), task.zone()));
            cursor = run.get();
        }
        return String.join(", ", runs);
    }

    /** The task's own description, or its schedule in words when it has none. */
    static String description(ScheduledTask task) {
        return task.description().isBlank() ? task.schedule().describe() : task.description();
    }

    /** The zone's id, with the offset {@code Z} written as {@code UTC}. */
    static String zone(ScheduledTask task) {
        return DisplayFormat.zone(task.zone());
    }

    /** "cron" or "every". */
    static String kind(ScheduledTask task) {
        return task.kind() == ScheduledTask.Kind.CRON ? "cron" : "every";
    }

    /** The schedules of {@code tasks} as a table with their next run times. */
    static TextTable table(List<ScheduledTask> tasks, Instant now, int count) {
        TextTable table = new TextTable("NAME", "KIND", "EXPRESSION", "ZONE", "QUEUE", "DESCRIPTION", "NEXT RUNS");
        for (ScheduledTask task : tasks) {
            table.row(task.name(), kind(task), task.expression(), zone(task), task.jobType().queue(),
                    description(task), of(task, now, count));
        }
        return table;
    }
}
