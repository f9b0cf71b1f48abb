package dev.jtc.runtime.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.WorkerInfo;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two small JSON documents the broker stores besides payloads: a failed attempt (one entry of
 * a job's history list) and a worker's heartbeat record. Streaming Jackson, no databind; reading
 * never throws, because what is in Redis may have been written by anyone.
 */
final class RedisJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private RedisJson() {}

    /** {@code {"attempt":1,"at":<ms>,"reason":"...","stackTrace":"..."}} */
    static String failure(Failure failure) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("attempt", failure.attempt());
            json.writeNumberField("at", failure.at().toEpochMilli());
            json.writeStringField("reason", failure.reason() == null ? "" : failure.reason());
            json.writeStringField("stackTrace", failure.stackTrace() == null ? "" : failure.stackTrace());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A history entry; an unreadable one comes back as a failure that says so and quotes it. */
    static Failure readFailure(String text) {
        int attempt = 0;
        long at = 0;
        String reason = null;
        String stackTrace = "";
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "attempt" -> attempt = json.getValueAsInt();
                    case "at" -> at = json.getValueAsLong();
                    case "reason" -> reason = json.getValueAsString();
                    case "stackTrace" -> stackTrace = json.getValueAsString("");
                    default -> json.skipChildren();
                }
                if (value == null) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return new Failure(0, Instant.EPOCH, "unreadable history entry: " + abbreviate(text), "");
        }
        return new Failure(attempt, Instant.ofEpochMilli(at), reason == null ? "" : reason, stackTrace);
    }

    /** A worker's heartbeat record: its {@link WorkerInfo} and when the heartbeat runs out. */
    record StoredWorker(WorkerInfo info, long expiresAt) {}

    static String worker(WorkerInfo worker, Instant lastHeartbeat, long expiresAt) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
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
            json.writeNumberField("startedAt", worker.startedAt().toEpochMilli());
            json.writeNumberField("lastHeartbeat", lastHeartbeat.toEpochMilli());
            json.writeNumberField("expiresAt", expiresAt);
            json.writeArrayFieldStart("running");
            for (BusySlot slot : worker.running()) {
                json.writeStartObject();
                json.writeStringField("id", slot.jobId());
                json.writeStringField("name", slot.name());
                json.writeStringField("queue", slot.queue());
                json.writeNumberField("startedAt", slot.startedAt().toEpochMilli());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Optional<StoredWorker> readWorker(String text) {
        String id = null;
        String host = "";
        long pid = 0;
        List<String> queues = new ArrayList<>();
        int concurrency = 0;
        long startedAt = 0;
        long lastHeartbeat = 0;
        long expiresAt = 0;
        List<BusySlot> running = new ArrayList<>();
        try (JsonParser json = FACTORY.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = json.getValueAsString();
                    case "host" -> host = json.getValueAsString("");
                    case "pid" -> pid = json.getValueAsLong();
                    case "queues" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            queues.add(json.getText());
                        }
                    }
                    case "concurrency" -> concurrency = json.getValueAsInt();
                    case "startedAt" -> startedAt = json.getValueAsLong();
                    case "lastHeartbeat" -> lastHeartbeat = json.getValueAsLong();
                    case "expiresAt" -> expiresAt = json.getValueAsLong();
                    case "running" -> readSlots(json, value, running);
                    default -> json.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (id == null) {
            return Optional.empty();
        }
        WorkerInfo info = new WorkerInfo(id, host, pid, queues, concurrency, Instant.ofEpochMilli(startedAt),
                Instant.ofEpochMilli(lastHeartbeat), running);
        return Optional.of(new StoredWorker(info, expiresAt));
    }

    /** The busy slots of a heartbeat; a slot missing a field is left out, not the whole worker. */
    private static void readSlots(JsonParser json, JsonToken value, List<BusySlot> into) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            json.skipChildren(); // a worker with an unreadable list of slots is still a live worker
            return;
        }
        for (JsonToken element = json.nextToken(); element != null && element != JsonToken.END_ARRAY; element = json.nextToken()) {
            if (element != JsonToken.START_OBJECT) {
                json.skipChildren(); // not a slot: skipped, the others still count
                continue;
            }
            String id = null;
            String name = null;
            String queue = null;
            long startedAt = -1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "id" -> id = json.getValueAsString();
                    case "name" -> name = json.getValueAsString();
                    case "queue" -> queue = json.getValueAsString();
                    case "startedAt" -> startedAt = json.getValueAsLong(-1);
                    default -> json.skipChildren();
                }
            }
            if (id != null && name != null && queue != null && startedAt >= 0) {
                into.add(new BusySlot(id, name, queue, Instant.ofEpochMilli(startedAt)));
            }
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
