package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.CompletedJob;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.JobDetails;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.ThroughputBucket;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds the read side of the API from the broker, the application and the clock. Every body
 * starts with {@code app} and {@code now} (the broker clock's time), so the page computes "3 s
 * ago" against the same clock the broker stamps with, not the browser's.
 */
final class Snapshots {

    private final Broker broker;
    private final AppDefinition app;
    private final Clock clock;

    Snapshots(Broker broker, AppDefinition app, Clock clock) {
        this.broker = broker;
        this.app = app;
        this.clock = clock;
    }

    /** Everything the page shows, in one response, so one refresh is one consistent picture. */
    JsonBodies.Body overview(int offset, int limit, int nextRuns) {
        BrokerStats stats = broker.stats();
        FailedJson.FailedPage failed = failedPage(stats.failed(), offset, limit);
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            StatsJson.writeFields(json, stats, now);
            FailedJson.writeField(json, failed);
            ScheduleJson.writeField(json, app.scheduledTasks(), now, nextRuns, broker::lastTick);
            JobTypeJson.writeField(json, app.jobTypes());
            json.writeEndObject();
        };
    }

    JsonBodies.Body stats() {
        BrokerStats stats = broker.stats();
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            StatsJson.writeFields(json, stats, now);
            json.writeEndObject();
        };
    }

    JsonBodies.Body failed(int offset, int limit) {
        FailedJson.FailedPage failed = failedPage(broker.stats().failed(), offset, limit);
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            FailedJson.writeField(json, failed);
            json.writeEndObject();
        };
    }

    /** One page of a queue's scheduled, queued or active jobs; the list's size comes from the broker's stats. */
    JsonBodies.Body pending(String queue, JobState state, int offset, int limit) {
        long total = broker.stats().queues().stream()
                .filter(q -> q.queue().equals(queue))
                .mapToLong(q -> size(q, state))
                .findFirst()
                .orElse(0);
        PendingJson.PendingPage page = new PendingJson.PendingPage(queue, state, total, offset, limit,
                broker.pendingJobs(queue, state, offset, limit));
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            PendingJson.writeFields(json, page);
            json.writeEndObject();
        };
    }

    private static long size(QueueStats queue, JobState state) {
        return switch (state) {
            case QUEUED -> queue.ready();
            case SCHEDULED -> queue.scheduled();
            case ACTIVE -> queue.active();
            default -> 0;
        };
    }

    /**
     * The last {@code buckets} buckets of the throughput history up to now, of every queue or of
     * {@code queue} when it is not null.
     */
    JsonBodies.Body history(HistoryResolution resolution, int buckets, String queue) {
        Instant now = clock.instant();
        Instant from = now.minus(resolution.width().multipliedBy(buckets - 1L));
        List<ThroughputBucket> counted = queue == null
                ? broker.history(resolution, from, now)
                : broker.queueHistory(queue, resolution, from, now);
        return json -> {
            json.writeStartObject();
            header(json, now);
            HistoryJson.writeField(json, resolution, queue, counted);
            json.writeEndObject();
        };
    }

    /** One page of the recently completed jobs, newest first; one more is read to tell whether a next page exists. */
    JsonBodies.Body completed(int offset, int limit) {
        List<CompletedJob> read = broker.recentCompleted(offset, limit + 1);
        CompletedJson.CompletedPage page = new CompletedJson.CompletedPage(offset, limit, read.size() > limit,
                Broker.RECENT_COMPLETED_KEPT, read.subList(0, Math.min(limit, read.size())));
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            CompletedJson.writeField(json, page);
            json.writeEndObject();
        };
    }

    JsonBodies.Body schedules(int nextRuns) {
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            ScheduleJson.writeField(json, app.scheduledTasks(), now, nextRuns, broker::lastTick);
            json.writeEndObject();
        };
    }

    JsonBodies.Body jobs() {
        Instant now = clock.instant();
        return json -> {
            json.writeStartObject();
            header(json, now);
            JobTypeJson.writeField(json, app.jobTypes());
            json.writeEndObject();
        };
    }

    /** One job by its id, as {@code Broker.details} knows it; empty if the broker does not know the id. */
    Optional<JsonBodies.Body> job(String jobId) {
        Optional<JobDetails> found = broker.details(jobId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JobDetails details = found.get();
        JobType type = details.job() == null ? null : jobType(details.job().name());
        Instant now = clock.instant();
        return Optional.of(json -> {
            json.writeStartObject();
            header(json, now);
            JobDetailsJson.writeField(json, details, type);
            json.writeEndObject();
        });
    }

    /** The application's job type named {@code name}, the types its scheduled tasks run as included; null if none. */
    private JobType jobType(String name) {
        return Stream.concat(app.jobTypes().stream(), app.scheduledTasks().stream().map(ScheduledTask::jobType))
                .filter(type -> type.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private FailedJson.FailedPage failedPage(long total, int offset, int limit) {
        return new FailedJson.FailedPage(total, offset, limit, broker.failedJobs(offset, limit));
    }

    private void header(JsonGenerator json, Instant now) throws IOException {
        json.writeStringField("app", app.name());
        JsonTime.writeField(json, "now", now);
    }
}
