package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.schedule.Durations;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the application's scheduled tasks as the field {@code schedules}: what the annotation
 * says, the schedule in words, when any worker last claimed a tick, and the next run times computed
 * from the task's own {@code Schedule} (the same rule the scheduler uses), each as a UTC instant
 * and as the time in the task's zone with its offset ({@link DisplayFormat#instant(Instant, java.time.ZoneId)}).
 */
final class ScheduleJson {

    private ScheduleJson() {}

    static void writeField(JsonGenerator json, List<ScheduledTask> tasks, Instant now, int nextRuns,
            Function<String, Optional<Instant>> lastTick) throws IOException {
        json.writeArrayFieldStart("schedules");
        for (ScheduledTask task : tasks) {
            json.writeStartObject();
            json.writeStringField("name", task.name());
            json.writeStringField("kind", task.kind() == ScheduledTask.Kind.CRON ? "cron" : "every");
            json.writeStringField("expression", task.expression());
            json.writeStringField("zone", DisplayFormat.zone(task.zone()));
            json.writeStringField("description", task.description());
            json.writeStringField("summary", task.schedule().describe());
            json.writeStringField("queue", task.jobType().queue());
            json.writeNumberField("retries", task.jobType().retries());
            json.writeStringField("timeout", task.jobType().hasTimeout() ? Durations.format(task.jobType().timeout()) : null);
            json.writeBooleanField("overlap", task.overlap());
            json.writeStringField("missed", task.missed().name());
            JsonTime.writeField(json, "lastTick", lastTick.apply(task.name()).orElse(null));
            writeNextRuns(json, task, now, nextRuns);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeNextRuns(JsonGenerator json, ScheduledTask task, Instant now, int count) throws IOException {
        boolean neverAgain = false;
        json.writeArrayFieldStart("nextRuns");
        Instant cursor = now;
        for (int i = 0; i < count; i++) {
            Optional<Instant> run = task.schedule().nextRunAfter(cursor);
            if (run.isEmpty()) {
                neverAgain = true;
                break;
            }
            json.writeStartObject();
            JsonTime.writeField(json, "at", run.get());
            json.writeStringField("local", DisplayFormat.instant(run.get(), task.zone()));
            json.writeEndObject();
            cursor = run.get();
        }
        json.writeEndArray();
        json.writeBooleanField("neverAgain", neverAgain);
    }
}
