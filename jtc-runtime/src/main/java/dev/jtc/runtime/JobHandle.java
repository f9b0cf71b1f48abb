package dev.jtc.runtime;

import java.util.Objects;
import java.util.Optional;

/** What a dispatch returns: the job's id, and a way to ask about it or cancel it later. */
public final class JobHandle {

    private final String id;
    private final boolean duplicate;
    private final Dispatcher dispatcher;

    public JobHandle(String id, boolean duplicate, Dispatcher dispatcher) {
        this.id = Objects.requireNonNull(id, "id");
        this.duplicate = duplicate;
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    /** The job's id. */
    public String id() {
        return id;
    }

    /** True if this dispatch was a no-op because a job with the same unique key was pending; {@link #id()} is that job's. */
    public boolean duplicate() {
        return duplicate;
    }

    /** The job's current state; empty once its record has expired. */
    public Optional<JobState> status() {
        return dispatcher.status(id);
    }

    /** Cancels the job if it has not started; true if it was cancelled. */
    public boolean cancel() {
        return dispatcher.cancel(id);
    }

    @Override
    public String toString() {
        return "JobHandle[" + id + (duplicate ? ", duplicate" : "") + "]";
    }
}
