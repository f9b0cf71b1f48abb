package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import java.io.IOException;
import java.util.List;

/**
 * Writes one page of the failed set as the field {@code failed}: the page's place in the whole
 * set, and per job what an operator needs to decide between retry and delete (the reason, the
 * attempts, the payload and every attempt's stack trace).
 */
final class FailedJson {

    private FailedJson() {}

    static void writeField(JsonGenerator json, FailedPage page) throws IOException {
        json.writeObjectFieldStart("failed");
        json.writeNumberField("total", page.total());
        json.writeNumberField("offset", page.offset());
        json.writeNumberField("limit", page.limit());
        json.writeArrayFieldStart("jobs");
        for (FailedJob failed : page.jobs()) {
            writeJob(json, failed);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeJob(JsonGenerator json, FailedJob failed) throws IOException {
        JobMessage job = failed.job();
        json.writeStartObject();
        json.writeStringField("id", job.id());
        json.writeStringField("name", job.name());
        json.writeStringField("queue", job.queue());
        json.writeStringField("reason", failed.reason());
        JsonTime.writeField(json, "failedAt", failed.failedAt());
        JsonTime.writeField(json, "enqueuedAt", job.enqueuedAt());
        json.writeNumberField("attempts", job.attempt());
        json.writeNumberField("recoveries", job.recoveries());
        json.writeStringField("payload", job.payload());
        json.writeStringField("fingerprint", job.fingerprint());
        if (job.uniqueKey() == null) {
            json.writeNullField("uniqueKey");
        } else {
            json.writeStringField("uniqueKey", job.uniqueKey());
        }
        List<Failure> history = failed.history();
        json.writeStringField("lastStackTrace", history.isEmpty() ? "" : history.get(history.size() - 1).stackTrace());
        json.writeArrayFieldStart("history");
        for (Failure failure : history) {
            json.writeStartObject();
            json.writeNumberField("attempt", failure.attempt());
            JsonTime.writeField(json, "at", failure.at());
            json.writeStringField("reason", failure.reason());
            json.writeStringField("stackTrace", failure.stackTrace());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A page of the failed set and where it sits in the whole. */
    record FailedPage(long total, int offset, int limit, List<FailedJob> jobs) {}
}
