package dev.jtc.runtime.broker;

import dev.jtc.runtime.JobState;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A job that is scheduled, queued or running, as {@link Broker#pendingJobs} lists it for the
 * dashboard and the command line: the job itself plus where it stands.
 *
 * @param job the job as stored; {@code attempt} counts the attempts started so far, so for an
 *     active job it is the attempt now running
 * @param state {@link JobState#SCHEDULED}, {@link JobState#QUEUED} or {@link JobState#ACTIVE}
 * @param dueAt for a scheduled job, when it becomes ready: its run-at, or the time of its next
 *     retry; {@code null} in the other states
 * @param workerId for an active job, the worker holding it; {@code null} in the other states
 * @param activeSince for an active job, when its worker fetched it; {@code null} in the other
 *     states or if the broker does not know
 * @param lastError the reason of the job's last failed attempt, for a job waiting to be retried;
 *     {@code null} if no attempt failed
 */
public record PendingJob(JobMessage job, JobState state, Instant dueAt, String workerId, Instant activeSince,
        String lastError) {

    /** The states {@link Broker#pendingJobs} lists. */
    public static final Set<JobState> STATES = Set.of(JobState.SCHEDULED, JobState.QUEUED, JobState.ACTIVE);

    public PendingJob {
        Objects.requireNonNull(job, "job");
        requireListable(state);
    }

    /**
     * Checks that {@code state} is one {@link Broker#pendingJobs} lists.
     *
     * @throws IllegalArgumentException with a hint for the other states
     */
    public static JobState requireListable(JobState state) {
        Objects.requireNonNull(state, "state");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("only scheduled, queued and active jobs can be listed by queue, not "
                    + state.name().toLowerCase(Locale.ROOT) + " ones"
                    + (state == JobState.FAILED ? " (hint: the failed set has its own listing, failedJobs / 'failed list')"
                            : " (hint: finished jobs are only kept as a status by id)"));
        }
        return state;
    }
}
