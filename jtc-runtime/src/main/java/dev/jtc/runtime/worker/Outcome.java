package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Duration;
import java.time.Instant;

/** How one attempt ended, waiting to be acknowledged to the broker by the {@link Acknowledger}. */
sealed interface Outcome {

    JobMessage job();

    /** Ran successfully. */
    record Completed(JobMessage job, Duration took) implements Outcome {}

    /** Failed with attempts left; runs again at {@code retryAt}. */
    record Retried(JobMessage job, Failure failure, Instant retryAt) implements Outcome {}

    /** Failed its last attempt. */
    record Failed(JobMessage job, Failure failure) implements Outcome {}

    /** Cannot run at all (unknown name, undecodable payload). */
    record Rejected(JobMessage job, Failure failure) implements Outcome {}

    /** Held back by a limit or a middleware: waits until {@code runAt}, the attempt not counted. */
    record Postponed(JobMessage job, Instant runAt, String reason) implements Outcome {}

    /** Did not finish within the shutdown grace; goes back to its queue. */
    record Released(JobMessage job) implements Outcome {}
}
