package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobDetails;
import dev.jtc.runtime.broker.JobMessage;
import java.io.IOException;

/**
 * Writes one job, as {@code Broker.details} knows it, as the field {@code job}: where it stands, the
 * job as stored (name, payload, attempts, times), every failed attempt with its stack trace, and
 * which of the page's actions apply to it now. Fields the broker does not know (all of the stored
 * job for a completed one, the worker of a job that is not running) are {@code null}.
 */
final class JobDetailsJson {

    private JobDetailsJson() {}

    /**
     * @param type the application's job type of that name, for the number of attempts it gets;
     *     {@code null} when this application does not know the job (another producer's)
     */
    static void writeField(JsonGenerator json, JobDetails details, JobType type) throws IOException {
        JobMessage job = details.job();
        json.writeObjectFieldStart("job");
        json.writeStringField("id", details.id());
        json.writeStringField("queue", details.queue());
        json.writeStringField("state", DisplayFormat.state(details.state()));
        json.writeBooleanField("stored", job != null);
        json.writeStringField("name", job == null ? null : job.name());
        json.writeStringField("payload", job == null ? null : job.payload());
        json.writeStringField("fingerprint", job == null ? null : job.fingerprint());
        json.writeStringField("uniqueKey", job == null ? null : job.uniqueKey());
        if (job == null) {
            json.writeNullField("attempts");
            json.writeNullField("recoveries");
        } else {
            json.writeNumberField("attempts", job.attempt());
            json.writeNumberField("recoveries", job.recoveries());
        }
        if (type == null) {
            json.writeNullField("maxAttempts");
        } else {
            json.writeNumberField("maxAttempts", type.retries() + 1);
        }
        JsonTime.writeField(json, "enqueuedAt", job == null ? null : job.enqueuedAt());
        JsonTime.writeField(json, "runAt", job == null ? null : job.runAt());
        JsonTime.writeField(json, "dueAt", details.dueAt());
        json.writeStringField("worker", details.workerId());
        JsonTime.writeField(json, "activeSince", details.activeSince());
        JsonTime.writeField(json, "failedAt", details.failedAt());
        json.writeStringField("reason", details.reason());
        json.writeArrayFieldStart("history");
        for (Failure failure : details.history()) {
            json.writeStartObject();
            json.writeNumberField("attempt", failure.attempt());
            JsonTime.writeField(json, "at", failure.at());
            json.writeStringField("reason", failure.reason());
            json.writeStringField("stackTrace", failure.stackTrace());
            json.writeEndObject();
        }
        json.writeEndArray();
        JobState state = details.state();
        json.writeBooleanField("cancellable", state == JobState.SCHEDULED || state == JobState.QUEUED);
        json.writeBooleanField("retryable", state == JobState.FAILED);
        json.writeEndObject();
    }
}
