package dev.jtc.runtime;

/** Where a job is in its life. Completed records expire after a configurable time. */
public enum JobState {
    /** Waiting for its run-at time (a delayed job, or a retry waiting out its backoff). */
    SCHEDULED,
    /** Ready, waiting for a worker. */
    QUEUED,
    /** Fetched by a worker and running. */
    ACTIVE,
    /** Finished successfully. */
    COMPLETED,
    /** Out of attempts (or undecodable); in the failed set. */
    FAILED,
    /** Cancelled before it ran. */
    CANCELLED
}
