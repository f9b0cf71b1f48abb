package dev.jtc.test;

import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One job the code under test dispatched, as a {@link FakeDispatcher} recorded it.
 *
 * @param <P> the job's generated {@code Payload} record ({@code Object} in untyped listings)
 * @param id the job's id, as its handle returned it
 * @param type the job's type
 * @param payload the payload decoded by the job's generated codec
 * @param json the payload as it was sent
 * @param options the options it was dispatched with
 * @param queue the queue it went to: the options' queue, else the job's
 * @param dispatchedAt when it was dispatched, by the dispatcher's clock
 */
public record Dispatch<P>(
        String id,
        JobType type,
        P payload,
        String json,
        DispatchOptions options,
        String queue,
        Instant dispatchedAt) {

    public Dispatch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(dispatchedAt, "dispatchedAt");
    }

    /** The job's name on the wire. */
    public String name() {
        return type.name();
    }

    /** When it may run, if it was dispatched with a delay or a run-at time in the future. */
    public Optional<Instant> runAt() {
        return options.effectiveRunAt(dispatchedAt);
    }

    /** The unique key it was dispatched with, if any. */
    public Optional<String> uniqueKey() {
        return options.uniqueKey();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(type.name()).append(' ').append(payload == null ? json : payload);
        if (!queue.equals(type.queue())) {
            text.append(" on queue ").append(queue);
        }
        runAt().ifPresent(at -> text.append(" to run at ").append(at));
        uniqueKey().ifPresent(key -> text.append(" with unique key ").append(key));
        return text.toString();
    }
}
