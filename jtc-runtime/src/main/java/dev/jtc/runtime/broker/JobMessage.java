package dev.jtc.runtime.broker;

import java.time.Instant;
import java.util.Objects;

/**
 * One job as the broker stores and delivers it. The payload stays an opaque JSON string here;
 * only the generated codec reads it.
 *
 * @param id unique id, chosen by the dispatcher
 * @param name the job's name on the wire
 * @param queue the queue it is on
 * @param payload JSON object keyed by parameter name
 * @param fingerprint the producer's schema fingerprint; empty if the producer sent none
 * @param enqueuedAt when it was first dispatched
 * @param runAt when it may run; {@code null} for now
 * @param uniqueKey the unique key it holds while pending; {@code null} if none
 * @param attempt attempts started so far; a fetched message carries the number of the attempt
 *     about to run (1 for the first)
 * @param recoveries how often it was taken back from a worker that died while running it
 */
public record JobMessage(
        String id,
        String name,
        String queue,
        String payload,
        String fingerprint,
        Instant enqueuedAt,
        Instant runAt,
        String uniqueKey,
        int attempt,
        int recoveries) {

    public JobMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
    }

    /** A new job, never attempted. */
    public static JobMessage create(String id, String name, String queue, String payload, String fingerprint,
            Instant enqueuedAt, Instant runAt, String uniqueKey) {
        return new JobMessage(id, name, queue, payload, fingerprint, enqueuedAt, runAt, uniqueKey, 0, 0);
    }

    public JobMessage withAttempt(int attempt) {
        return new JobMessage(id, name, queue, payload, fingerprint, enqueuedAt, runAt, uniqueKey, attempt, recoveries);
    }

    public JobMessage withRunAt(Instant runAt) {
        return new JobMessage(id, name, queue, payload, fingerprint, enqueuedAt, runAt, uniqueKey, attempt, recoveries);
    }

    public JobMessage withRecoveries(int recoveries) {
        return new JobMessage(id, name, queue, payload, fingerprint, enqueuedAt, runAt, uniqueKey, attempt, recoveries);
    }
}
