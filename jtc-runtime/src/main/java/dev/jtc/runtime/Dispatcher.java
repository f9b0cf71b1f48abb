package dev.jtc.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Sends jobs to the broker. The generated {@code <App>Jobs} calls it with the job's type and its
 * payload already encoded by the generated codec; it works in any process, worker or not.
 */
public interface Dispatcher {

    /** Sends one job; returns its handle (the first job's, if a unique key was already taken). */
    JobHandle dispatch(JobType type, String payload, DispatchOptions options);

    /** Sends several jobs in one round trip where the broker allows; handles in the same order. */
    List<JobHandle> dispatchAll(List<PendingDispatch> dispatches);

    /** The job's state, or empty if the broker no longer knows it (expired or never existed). */
    Optional<JobState> status(String jobId);

    /** Cancels a queued or scheduled job; false if it is already running, finished or unknown. */
    boolean cancel(String jobId);

    /** One entry of a {@link #dispatchAll} call. */
    record PendingDispatch(JobType type, String payload, DispatchOptions options) {}
}
