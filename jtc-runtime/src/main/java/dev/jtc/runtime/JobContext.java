package dev.jtc.runtime;

import java.time.Instant;

/**
 * What a running job may know about itself. Declare it as a parameter of a job's
 * {@code handle} method or of a scheduled method; it is never part of the payload.
 */
public interface JobContext {

    /** The job's id, as returned by the dispatcher's handle. */
    String id();

    /** The job's name on the wire (a {@code @Job}'s name, or a scheduled task's name). */
    String name();

    /** The queue the job was fetched from. */
    String queue();

    /** Which attempt this is: 1 for the first, 2 for the first retry, and so on. */
    int attempt();

    /** When the job was first dispatched. */
    Instant enqueuedAt();

    /**
     * Whether the worker asked this job to stop (shutdown or timeout). A long job should check
     * it between steps and return early; the thread is also interrupted.
     */
    boolean stopRequested();
}
