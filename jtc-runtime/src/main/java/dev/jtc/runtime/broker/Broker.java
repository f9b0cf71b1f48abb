package dev.jtc.runtime.broker;

import dev.jtc.runtime.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where jobs wait and how workers take them. Delivery is at-least-once: {@link #fetch} moves jobs
 * atomically into the fetching worker's in-flight set, and they leave it only through
 * {@link #complete}, {@link #retry}, {@link #fail}, {@link #release} or, if the worker stops
 * heartbeating, {@link #recoverDeadWorkers}. Every multi-step change is atomic, so a crash between
 * two calls loses nothing.
 *
 * <p>Implementations: {@code RedisBroker} and {@link InMemoryBroker}. Both pass the same contract
 * test suite. Times come from the {@link java.time.Clock} the broker was built with.
 */
public interface Broker extends AutoCloseable {

    /** How many recently completed jobs {@link #recentCompleted} keeps per queue. */
    int RECENT_COMPLETED_KEPT = 1_000;

    // --- producing -----------------------------------------------------------------------------

    /**
     * Enqueues one job: ready now, or scheduled if its {@code runAt} is in the future. With a
     * unique key that a pending job (scheduled, queued or active) holds, nothing is enqueued and
     * the result names the pending job.
     */
    EnqueueResult enqueue(JobMessage job);

    /** Enqueues several jobs in as few round trips as the broker allows; results in order. */
    List<EnqueueResult> enqueueAll(List<JobMessage> jobs);

    /** Cancels a scheduled or queued job, releasing its unique key; false if it is not waiting. */
    boolean cancel(String jobId);

    /** The job's state; empty if unknown or its record has expired. */
    Optional<JobState> status(String jobId);

    /**
     * What the broker knows about one job: its state (as {@link #status} reports it), the job as
     * stored and its failed attempts, where it waits or who runs it. Read-only. Empty for an id
     * {@link #status} does not know; a completed job has only its state.
     */
    Optional<JobDetails> details(String jobId);

    // --- consuming -----------------------------------------------------------------------------

    /**
     * Takes up to {@code max} ready jobs for {@code workerId}, from the first queue in
     * {@code queues} that has any, then the next; scheduled jobs whose time has come are promoted
     * first. Blocks up to {@code wait} while every queue is empty and returns as soon as one job
     * arrives (push, not polling). Each returned message carries the number of the attempt about
     * to run; it stays in the worker's in-flight set until acknowledged.
     *
     * @return the jobs taken, possibly none when {@code wait} ran out
     */
    List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException;

    /** Acknowledges finished jobs: out of in-flight, state completed, unique keys released. */
    void complete(String workerId, List<JobMessage> jobs);

    /** Records a failed attempt and schedules the next one at {@code retryAt}. */
    void retry(String workerId, JobMessage job, Failure failure, Instant retryAt);

    /** Records the last failed attempt and moves the job to the failed set; releases its unique key. */
    void fail(String workerId, JobMessage job, Failure failure);

    /**
     * Moves a job that cannot be run at all (unknown name, undecodable payload) straight to the
     * failed set with {@code reason}; its attempt does not count against retries.
     */
    default void reject(String workerId, JobMessage job, Failure failure) {
        fail(workerId, job, failure);
    }

    /** Puts jobs this worker fetched but did not run back at the head of their queues (shutdown). */
    void release(String workerId, List<JobMessage> jobs);

    /**
     * Puts a job this worker fetched back to wait until {@code runAt}, without spending the attempt
     * its fetch started: a limit or a middleware postponed it. Scheduled if {@code runAt} is in the
     * future, else at the tail of its queue. A job no longer in the worker's in-flight set is left
     * alone, so the call may be repeated.
     */
    void postpone(String workerId, JobMessage job, Instant runAt);

    // --- limits shared by every worker ---------------------------------------------------------

    /**
     * Takes one of the {@code limit} holds under {@code key} for {@code holder}, until {@code ttl}
     * from now (renew it with {@link #renewLeases}); holds whose time has passed are dropped first.
     * A concurrency limit is a lease with {@code limit} K, "without overlapping" one with limit 1.
     *
     * @return true if {@code holder} now holds one (it may have held it already), false if all
     *     {@code limit} are held by others
     * @throws IllegalArgumentException for a key outside {@link Lease#isValidKey}, or a limit below 1
     */
    boolean acquireLease(String key, String holder, int limit, Duration ttl);

    /** Gives a hold back; nothing happens if {@code holder} no longer has it. */
    void releaseLease(Lease lease);

    /**
     * Extends the holds still held to {@code ttl} from now, in as few round trips as the broker
     * allows (the worker calls it with its heartbeat).
     *
     * @return the leases that were no longer held (their time had passed)
     */
    List<Lease> renewLeases(List<Lease> leases, Duration ttl);

    /**
     * Counts one start under {@code key} if fewer than {@code limit} were counted in the last
     * {@code window}: a sliding window, so no window of that length ever holds more than
     * {@code limit} starts.
     *
     * @return empty if counted; otherwise the earliest time a start may be counted
     * @throws IllegalArgumentException for a key outside {@link Lease#isValidKey}, a limit below 1
     *     or a window that is not positive
     */
    Optional<Instant> acquireRate(String key, String holder, int limit, Duration window);

    // --- workers and recovery ------------------------------------------------------------------

    /** Says the worker is alive until {@code ttl} from now. */
    void heartbeat(WorkerInfo worker, Duration ttl);

    /** Removes a worker that stopped cleanly (after it released or finished its jobs). */
    void unregister(String workerId);

    /** The workers whose heartbeat has not expired. */
    List<WorkerInfo> workers();

    /**
     * Takes back the in-flight jobs of every worker whose heartbeat expired: each goes back to the
     * head of its queue with {@code recoveries + 1}, or to the failed set if it has already been
     * recovered {@code maxRecoveries} times (a job that keeps killing workers).
     */
    RecoveryResult recoverDeadWorkers(int maxRecoveries);

    // --- scheduler -----------------------------------------------------------------------------

    /** The last tick of {@code task} that any worker claimed; empty before the first. */
    Optional<Instant> lastTick(String task);

    /**
     * Claims {@code tick} of {@code task} exactly once across all workers: if it is later than the
     * last claimed tick it becomes the last, and {@code job} (if not null) is enqueued in the same
     * atomic step. With {@code skipIfRunning}, a tick that comes while the task's previous job is
     * still scheduled, queued or active is spent without enqueuing.
     */
    TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning);

    // --- failed set ----------------------------------------------------------------------------

    /** Failed jobs, newest first. */
    List<FailedJob> failedJobs(int offset, int limit);

    /** Moves one failed job back to its queue with a fresh attempt count; false if not failed. */
    boolean retryFailed(String jobId);

    /** Deletes one failed job; false if not failed. */
    boolean deleteFailed(String jobId);

    /** Deletes every failed job; returns how many. */
    long purgeFailed();

    // --- inspection ----------------------------------------------------------------------------

    /** Queue sizes, counters and workers. */
    BrokerStats stats();

    /**
     * One page of the jobs of {@code queue} in {@code state}, read-only, for the dashboard and the
     * command line: {@link JobState#SCHEDULED} soonest first (by {@link PendingJob#dueAt}),
     * {@link JobState#QUEUED} in the order workers will take them, {@link JobState#ACTIVE} in the
     * order they were fetched (oldest first), with the worker holding each. The sizes of the whole
     * lists are in {@link #stats()}. A queue nobody used gives an empty list.
     *
     * @param offset how many jobs of the list to skip
     * @param limit the most jobs to return
     * @throws IllegalArgumentException for another state, a negative offset or limit, or an invalid queue name
     */
    List<PendingJob> pendingJobs(String queue, JobState state, int offset, int limit);

    /**
     * Processed and failed attempts of every queue together, one bucket per minute or per day from
     * the bucket holding {@code from} up to the one holding {@code to}, oldest first; buckets with
     * nothing counted (or older than the resolution keeps) read zero. The counts are written in the
     * same atomic step that records each outcome.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}, or the range spans more
     *     buckets than the resolution keeps
     */
    List<ThroughputBucket> history(HistoryResolution resolution, Instant from, Instant to);

    /** {@link #history} of one queue. */
    List<ThroughputBucket> queueHistory(String queue, HistoryResolution resolution, Instant from, Instant to);

    /**
     * Recently completed jobs of every queue, newest first: the last {@link #RECENT_COMPLETED_KEPT}
     * of each queue, however long ago.
     */
    List<CompletedJob> recentCompleted(int offset, int limit);

    /**
     * Pauses {@code queue}: workers take no job from it (scheduled jobs still become ready, and
     * producers still enqueue) until {@link #resume}. Running jobs finish as usual.
     *
     * @return false if it was paused already
     */
    boolean pause(String queue);

    /** Lets workers take jobs from {@code queue} again, waking them at once; false if it was not paused. */
    boolean resume(String queue);

    /** Releases connections; does not touch stored jobs. */
    @Override
    void close();
}
