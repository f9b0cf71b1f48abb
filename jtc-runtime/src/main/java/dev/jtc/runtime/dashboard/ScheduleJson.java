package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.schedule.Durations;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes the application's scheduled tasks as the field {@code schedules}: what the annotation
 * says, the schedule in words, when any worker last claimed a tick, and the next run times computed
 * from the task's own {@code Schedule} (the same rule the scheduler uses), each as a UTC instant
 * and as wall time in the task's zone.
 */
final class ScheduleJson {

    private static final DateTimeFormatter WALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ScheduleJson() {}

    static void writeField(JsonGenerator json, List<ScheduledTask> tasks, Instant now, int nextRuns,
            Function<String, Optional<Instant>> lastTick) throws IOException {
        json.writeArrayFieldStart("schedules");
        for (ScheduledTask task : tasks) {
            json.writeStartObject();
            json.writeStringField("name", task.name());
            json.writeStringField("kind", task.kind() == ScheduledTask.Kind.CRON ? "cron" : "every");
            json.writeStringField("expression", task.expression());
            json.writeStringField("zone", zoneName(task.zone()));
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

    /** "UTC" rather than the offset id "Z" that {@code ZoneOffset.UTC} has. */
    private static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
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
            json.writeStringField("local", WALL_TIME.format(ZonedDateTime.ofInstant(run.get(), task.zone())));
            json.writeEndObject();
            cursor = run.get();
        }
        json.writeEndArray();
        json.writeBooleanField("neverAgain", neverAgain);
    }
}
