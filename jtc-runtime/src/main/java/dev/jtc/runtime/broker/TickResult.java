package dev.jtc.runtime.broker;

/** The outcome of claiming one tick of a scheduled task. */
public enum TickResult {
    /** This caller claimed the tick and its job was enqueued. */
    ENQUEUED,
    /** This caller claimed the tick without enqueuing (a skipped missed tick). */
    ADVANCED,
    /** The previous run is still queued or running and the task does not overlap; the tick is spent. */
    SKIPPED_OVERLAP,
    /** Another worker already claimed this tick or a later one; nothing changed. */
    ALREADY_CLAIMED
}
