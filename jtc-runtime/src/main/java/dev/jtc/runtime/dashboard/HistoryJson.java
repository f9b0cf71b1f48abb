package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.ThroughputBucket;
import java.io.IOException;
import java.util.List;

/**
 * Writes the throughput history as the field {@code history}: its resolution, the width of a bucket
 * in seconds, the queue it counts (null for all), the sums over the range and the buckets, oldest
 * first, each with its start and the attempts that completed and failed in it.
 */
final class HistoryJson {

    private HistoryJson() {}

    static void writeField(JsonGenerator json, HistoryResolution resolution, String queue, List<ThroughputBucket> buckets)
            throws IOException {
        json.writeObjectFieldStart("history");
        json.writeStringField("resolution", resolution.wireName());
        json.writeNumberField("widthSeconds", resolution.width().toSeconds());
        if (queue == null) {
            json.writeNullField("queue");
        } else {
            json.writeStringField("queue", queue);
        }
        json.writeNumberField("processed", buckets.stream().mapToLong(ThroughputBucket::processed).sum());
        json.writeNumberField("failed", buckets.stream().mapToLong(ThroughputBucket::failed).sum());
        json.writeArrayFieldStart("buckets");
        for (ThroughputBucket bucket : buckets) {
            json.writeStartObject();
            JsonTime.writeField(json, "start", bucket.start());
            json.writeNumberField("processed", bucket.processed());
            json.writeNumberField("failed", bucket.failed());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
