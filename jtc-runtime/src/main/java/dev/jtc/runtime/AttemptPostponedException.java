package dev.jtc.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown out of a job's run when the attempt is to wait and run again later without counting as
 * an attempt: a {@link JobMiddleware} postponed it. The worker catches it and reschedules the job;
 * it never reaches the failed set.
 */
public final class AttemptPostponedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Duration delay;

    public AttemptPostponedException(Duration delay, String reason) {
        super(reason, null, false, false);
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** How long from now the job waits. */
    public Duration delay() {
        return delay;
    }
}
