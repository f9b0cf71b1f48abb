package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import java.io.IOException;

/**
 * Writes the broker's counters, queue sizes, workers and broken keys as the fields {@code totals},
 * {@code queues}, {@code workers} and {@code brokenKeys}.
 */
final class StatsJson {

    private StatsJson() {}

    static void writeFields(JsonGenerator json, BrokerStats stats) throws IOException {
        long ready = 0;
        long scheduled = 0;
        long active = 0;
        json.writeArrayFieldStart("queues");
        for (QueueStats queue : stats.queues()) {
            json.writeStartObject();
            json.writeStringField("queue", queue.queue());
            json.writeNumberField("ready", queue.ready());
            json.writeNumberField("scheduled", queue.scheduled());
            json.writeNumberField("active", queue.active());
            json.writeEndObject();
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
