package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.PendingJob;
import java.io.IOException;
import java.util.List;

/**
 * Writes one page of a queue's scheduled, queued or active jobs as the fields {@code queue},
 * {@code state}, {@code total}, {@code offset}, {@code limit} and {@code jobs}: per job what an
 * operator needs to decide whether to cancel it or to look at the worker running it (name, id,
 * attempt, when it was enqueued, when it runs or since when it runs and where, the last error of a
 * retry, and the payload).
 */
final class PendingJson {

    private PendingJson() {}

    static void writeFields(JsonGenerator json, PendingPage page) throws IOException {
        json.writeStringField("queue", page.queue());
        json.writeStringField("state", DisplayFormat.state(page.state()));
        json.writeNumberField("total", page.total());
        json.writeNumberField("offset", page.offset());
        json.writeNumberField("limit", page.limit());
        json.writeArrayFieldStart("jobs");
        for (PendingJob pending : page.jobs()) {
            writeJob(json, pending);
        }
        json.writeEndArray();
    }

    private static void writeJob(JsonGenerator json, PendingJob pending) throws IOException {
        JobMessage job = pending.job();
        json.writeStartObject();
        json.writeStringField("id", job.id());
        json.writeStringField("name", job.name());
        json.writeStringField("queue", job.queue());
        json.writeStringField("state", DisplayFormat.state(pending.state()));
        json.writeNumberField("attempt", job.attempt());
        json.writeNumberField("recoveries", job.recoveries());
        JsonTime.writeField(json, "enqueuedAt", job.enqueuedAt());
        JsonTime.writeField(json, "runAt", pending.dueAt());
        json.writeStringField("worker", pending.workerId());
        JsonTime.writeField(json, "activeSince", pending.activeSince());
        json.writeStringField("lastError", pending.lastError());
        json.writeStringField("payload", job.payload());
        json.writeStringField("fingerprint", job.fingerprint());
        json.writeStringField("uniqueKey", job.uniqueKey());
        json.writeBooleanField("cancellable", pending.state() != JobState.ACTIVE);
        json.writeEndObject();
    }

    /** A page of one queue's jobs in one state and where it sits in the whole list. */
    record PendingPage(String queue, JobState state, long total, int offset, int limit, List<PendingJob> jobs) {}
}
