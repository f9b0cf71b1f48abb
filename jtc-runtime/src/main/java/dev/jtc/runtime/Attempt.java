package dev.jtc.runtime;

import java.time.Duration;

/** One attempt of a job, as a {@link JobMiddleware} sees it: the job's context, its payload, and what may happen next. */
public interface Attempt extends JobContext {

    /** The payload as sent, a JSON object keyed by parameter name ({@code "{}"} for a scheduled task). */
    String payload();

    /**
     * Runs the rest of the chain: the next middleware, or the job itself after the last. At most
     * once per attempt.
     *
     * @throws IllegalStateException if called a second time, or after {@link #postpone}
     * @throws Exception whatever the job (or a later middleware) throws
     */
    void proceed() throws Exception;

    /**
     * Asks for the attempt to run again after {@code delay} instead of now: when the middleware
     * returns, the job waits (scheduled) and the attempt does not count against its retries.
     *
     * @throws IllegalStateException if the chain already proceeded
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    void postpone(Duration delay);

    /** Whether this attempt proceeded to the job (so far). */
    boolean proceeded();
}
