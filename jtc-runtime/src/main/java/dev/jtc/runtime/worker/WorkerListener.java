package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Duration;
import java.time.Instant;

/**
 * Hears what a {@link Worker} does, for metrics, progress output and tests that wait for
 * something to happen. Outcome events come after the broker acknowledged the outcome, so a
 * listener that sees {@link #jobCompleted} can rely on the job's status being completed.
 * Listeners run on the worker's threads and must be quick; an exception thrown by one is logged
 * and ignored.
 */
public interface WorkerListener {

    /** The worker is running: heartbeating, fetching and scheduling. */
    default void workerStarted(String workerId) {}

    /** A job is about to run on a worker thread. */
    default void jobStarted(JobMessage job) {}

    /** A job ran successfully and was acknowledged. */
    default void jobCompleted(JobMessage job, Duration took) {}

    /** An attempt failed and the next one is scheduled at {@code retryAt}. */
    default void jobRetried(JobMessage job, Failure failure, Instant retryAt) {}

    /** A job went to the failed set: out of attempts, unknown, or with an undecodable payload. */
    default void jobFailed(JobMessage job, Failure failure) {}

    /**
     * The scheduler enqueued the run of {@code task} for {@code tick}, {@code lag} after the tick's
     * time (how late the scheduler is; a missed tick caught up late shows as a long lag).
     */
    default void tickEnqueued(String task, Instant tick, Duration lag) {}

    /**
     * A job was held back before it ran (a limit, or a middleware postponed it) and waits until
     * {@code runAt}; the attempt did not count.
     */
    default void jobPostponed(JobMessage job, Instant runAt, String reason) {}

    /** A job that had not finished when the shutdown grace ran out went back to its queue. */
    default void jobReleased(JobMessage job) {}

    /** Shutdown is waiting for jobs that are still running; called every few seconds. */
    default void waitingForJobs(int stillRunning, Duration graceLeft) {}

    /** The worker has stopped; nothing of it runs any more. */
    default void workerStopped(String workerId) {}
}
