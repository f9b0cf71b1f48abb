package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.JobType;
import dev.jtc.schedule.Durations;
import java.io.IOException;
import java.util.List;

/** Writes the application's {@code @Job} types as the field {@code jobs}: name, queue, retry policy, timeout, limits, payload schema. */
final class JobTypeJson {

    private JobTypeJson() {}

    static void writeField(JsonGenerator json, List<JobType> jobTypes) throws IOException {
        json.writeArrayFieldStart("jobs");
        for (JobType job : jobTypes) {
            json.writeStartObject();
            json.writeStringField("name", job.name());
            json.writeStringField("queue", job.queue());
            json.writeNumberField("retries", job.retries());
            json.writeStringField("timeout", job.hasTimeout() ? Durations.format(job.timeout()) : null);
            json.writeStringField("backoffBase", Durations.format(job.backoffBase()));
            json.writeStringField("backoffCap", Durations.format(job.backoffCap()));
            json.writeStringField("limits", job.limits().isNone() ? null : job.limits().describe());
            json.writeStringField("schema", job.schema());
            json.writeStringField("fingerprint", job.fingerprint());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
