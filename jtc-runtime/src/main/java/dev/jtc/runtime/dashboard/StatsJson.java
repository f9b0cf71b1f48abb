package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes the broker's counters, queue sizes, workers and broken keys as the fields {@code totals},
 * {@code queues}, {@code workers} and {@code brokenKeys}. Each queue says whether it is paused, its
 * latency at {@code now} (how long its oldest ready job has waited) and whether a live worker
 * listens to it; each worker, the jobs it runs.
 */
final class StatsJson {

    private StatsJson() {}

    static void writeFields(JsonGenerator json, BrokerStats stats, Instant now) throws IOException {
        long ready = 0;
        long scheduled = 0;
        long active = 0;
        long paused = 0;
        json.writeArrayFieldStart("queues");
        for (QueueStats queue : stats.queues()) {
            json.writeStartObject();
            json.writeStringField("queue", queue.queue());
            json.writeNumberField("ready", queue.ready());
            json.writeNumberField("scheduled", queue.scheduled());
            json.writeNumberField("active", queue.active());
            json.writeBooleanField("paused", queue.paused());
            JsonTime.writeField(json, "oldestReadySince", queue.oldestReadySince());
            Optional<Duration> latency = queue.latency(now);
            if (latency.isPresent()) {
                json.writeNumberField("latencySeconds", latency.get().toSeconds());
            } else {
                json.writeNullField("latencySeconds");
            }
            json.writeBooleanField("listened", stats.listenedTo(queue.queue()));
            json.writeEndObject();
            paused += queue.paused() ? 1 : 0;
            ready += queue.ready();
            scheduled += queue.scheduled();
            active += queue.active();
        }
        json.writeEndArray();

        json.writeObjectFieldStart("totals");
        json.writeNumberField("ready", ready);
        json.writeNumberField("scheduled", scheduled);
        json.writeNumberField("active", active);
        json.writeNumberField("failed", stats.failed());
        json.writeNumberField("processed", stats.processed());
        json.writeNumberField("failures", stats.failures());
        json.writeNumberField("workers", stats.workers().size());
        json.writeNumberField("busy", stats.workers().stream().mapToLong(w -> w.running().size()).sum());
        json.writeNumberField("concurrency", stats.workers().stream().mapToLong(WorkerInfo::concurrency).sum());
        json.writeNumberField("pausedQueues", paused);
        json.writeEndObject();

        json.writeArrayFieldStart("workers");
        for (WorkerInfo worker : stats.workers()) {
            json.writeStartObject();
            json.writeStringField("id", worker.id());
            json.writeStringField("host", worker.host());
            json.writeNumberField("pid", worker.pid());
            json.writeArrayFieldStart("queues");
            for (String queue : worker.queues()) {
                json.writeString(queue);
            }
            json.writeEndArray();
            json.writeNumberField("concurrency", worker.concurrency());
            JsonTime.writeField(json, "startedAt", worker.startedAt());
            JsonTime.writeField(json, "lastHeartbeat", worker.lastHeartbeat());
            json.writeNumberField("busy", worker.running().size());
            json.writeArrayFieldStart("running");
            for (BusySlot slot : worker.running()) {
                json.writeStartObject();
                json.writeStringField("id", slot.jobId());
                json.writeStringField("name", slot.name());
                json.writeStringField("queue", slot.queue());
                JsonTime.writeField(json, "startedAt", slot.startedAt());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("brokenKeys");
        for (BrokenKey broken : stats.brokenKeys()) {
            json.writeStartObject();
            json.writeStringField("key", broken.key());
            json.writeStringField("found", broken.found());
            json.writeStringField("expected", broken.expected());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
