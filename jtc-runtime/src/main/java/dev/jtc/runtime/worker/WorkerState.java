package dev.jtc.runtime.worker;

/**
 * Where a {@link Worker} is in its life. It only moves forward, one compare-and-set at a time:
 * {@code NEW → RUNNING → STOPPING → STOPPED} (or {@code NEW → STOPPED} if it never started).
 */
public enum WorkerState {
    /** Built, not started. */
    NEW,
    /** Fetching and running jobs, heartbeating, scheduling. */
    RUNNING,
    /** No longer fetching; waiting for running jobs within the shutdown grace. */
    STOPPING,
    /** Every thread done, unfinished jobs released, the worker unregistered. */
    STOPPED
}
