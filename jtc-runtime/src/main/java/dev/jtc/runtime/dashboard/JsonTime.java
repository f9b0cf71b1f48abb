package dev.jtc.runtime.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.jtc.runtime.DisplayFormat;
import java.io.IOException;
import java.time.Instant;

/**
 * Instants in the API are ISO-8601 UTC strings to the second ({@code 2026-01-05T09:00:00Z}), as
 * {@link DisplayFormat#instant(Instant)} writes them on the command line too; a missing one is {@code null}.
 */
final class JsonTime {

    private JsonTime() {}

    static void writeField(JsonGenerator json, String field, Instant instant) throws IOException {
        if (instant == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, DisplayFormat.instant(instant));
        }
    }
}
