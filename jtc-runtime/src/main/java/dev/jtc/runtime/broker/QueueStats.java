package dev.jtc.runtime.broker;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sizes of one queue.
 *
 * @param queue the queue's name
 * @param ready jobs waiting for a worker, including scheduled jobs and retries whose time has come
 * @param scheduled jobs waiting for a run-at time still in the future (delayed jobs and retries)
 * @param active jobs fetched by a worker and not yet finished
 * @param paused whether workers leave the queue alone ({@link Broker#pause})
 * @param oldestReadySince since when the job that has been ready longest waits (its enqueue time,
 *     or its run-at time if later); {@code null} when nothing is ready
 */
public record QueueStats(String queue, long ready, long scheduled, long active, boolean paused, Instant oldestReadySince) {

    /** Sizes of a queue that is not paused, without its latency. */
    public QueueStats(String queue, long ready, long scheduled, long active) {
        this(queue, ready, scheduled, active, false, null);
    }

    /**
     * The queue's latency at {@code now}: how long its oldest ready job has waited, as Sidekiq
     * reports it; empty when nothing is ready.
     */
    public Optional<Duration> latency(Instant now) {
        if (oldestReadySince == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(oldestReadySince, now);
        return Optional.of(waited.isNegative() ? Duration.ZERO : waited);
    }
}
