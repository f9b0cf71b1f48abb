package dev.jtc.runtime.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * A job that completed recently, as {@link Broker#recentCompleted} lists it. The broker keeps the
 * last {@link Broker#RECENT_COMPLETED_KEPT} of each queue; the job's own record is gone.
 *
 * @param id the job's id
 * @param name the job's name on the wire
 * @param queue its queue
 * @param enqueuedAt when it was first dispatched
 * @param startedAt when its last attempt started; {@code null} if the broker did not record it
 * @param completedAt when the broker acknowledged it
 * @param attempt the attempt that completed (1 for the first)
 */
public record CompletedJob(String id, String name, String queue, Instant enqueuedAt, Instant startedAt,
        Instant completedAt, int attempt) {

    /** Newest completion first; a stable sort keeps the order of jobs completed in the same millisecond. */
    public static final Comparator<CompletedJob> NEWEST_FIRST = Comparator.comparing(CompletedJob::completedAt).reversed();

    /** How long the completing attempt ran, as the broker saw it; zero if its start is unknown. */
    public Duration runTime() {
        return startedAt == null ? Duration.ZERO : Duration.between(startedAt, completedAt);
    }
}
