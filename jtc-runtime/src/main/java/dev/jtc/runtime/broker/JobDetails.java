package dev.jtc.runtime.broker;

import dev.jtc.runtime.JobState;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything a broker can tell about one job, looked up by its id ({@link Broker#details}) for
 * {@code status <id>} and a job's page: where it stands and, while the broker keeps its record,
 * the job itself and its failed attempts.
 *
 * @param id the job's id
 * @param queue the queue it is on
 * @param state where it is in its life; always what {@link Broker#status} says at the same moment
 * @param job the job as stored (name, payload, fingerprint, attempts started, enqueue and run-at
 *     times, unique key); {@code null} for a completed job, whose record the broker drops when it
 *     completes, keeping only its state for the completed retention
 * @param dueAt for a scheduled job, when it becomes ready (its run-at, or its next retry); {@code
 *     null} in the other states
 * @param workerId for an active job, the worker running it; {@code null} in the other states
 * @param activeSince for an active job, when its worker fetched it; {@code null} in the other
 *     states or if the broker does not know
 * @param failedAt for a failed job, when it entered the failed set; {@code null} otherwise
 * @param reason for a failed job, why it is there, in one line; {@code null} otherwise
 * @param history the failed attempts, oldest first: a retry's, a failed or cancelled job's; empty
 *     for a job that never failed, one retried from the failed set (it starts afresh) and a
 *     completed job
 */
public record JobDetails(String id, String queue, JobState state, JobMessage job, Instant dueAt, String workerId,
        Instant activeSince, Instant failedAt, String reason, List<Failure> history) {

    public JobDetails {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(state, "state");
        history = List.copyOf(history);
    }

    /** A completed job: only its id, queue and state are left. */
    public static JobDetails completed(String id, String queue) {
        return new JobDetails(id, queue, JobState.COMPLETED, null, null, null, null, null, null, List.of());
    }

    /** The reason of the last failed attempt; {@code null} if none failed. */
    public String lastError() {
        return history.isEmpty() ? null : history.get(history.size() - 1).reason();
    }
}
