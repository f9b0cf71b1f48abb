package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.broker.CompletedJob;
import java.io.IOException;
import java.util.List;

/**
 * Writes one page of the recently completed jobs as the field {@code completed}, newest first. The
 * broker keeps a bounded list per queue and no total, so the page says whether {@code more} follow.
 */
final class CompletedJson {

    private CompletedJson() {}

    static void writeField(JsonGenerator json, CompletedPage page) throws IOException {
        json.writeObjectFieldStart("completed");
        json.writeNumberField("offset", page.offset());
        json.writeNumberField("limit", page.limit());
        json.writeBooleanField("more", page.more());
        json.writeNumberField("keptPerQueue", page.keptPerQueue());
        json.writeArrayFieldStart("jobs");
        for (CompletedJob job : page.jobs()) {
            json.writeStartObject();
            json.writeStringField("id", job.id());
            json.writeStringField("name", job.name());
            json.writeStringField("queue", job.queue());
            json.writeNumberField("attempt", job.attempt());
            JsonTime.writeField(json, "enqueuedAt", job.enqueuedAt());
            JsonTime.writeField(json, "startedAt", job.startedAt());
            JsonTime.writeField(json, "completedAt", job.completedAt());
            if (job.startedAt() == null) {
                json.writeNullField("runMillis");
            } else {
                json.writeNumberField("runMillis", job.runTime().toMillis());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A page of the recent completions; {@code more} if the broker has older ones past it. */
    record CompletedPage(int offset, int limit, boolean more, int keptPerQueue, List<CompletedJob> jobs) {}
}
