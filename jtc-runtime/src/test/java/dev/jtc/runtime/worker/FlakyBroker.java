package dev.jtc.runtime.worker;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.EnqueueResult;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.RecoveryResult;
import dev.jtc.runtime.broker.TickResult;
import dev.jtc.runtime.broker.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that fails the next few fetches, acknowledgements or tick claims, as Redis does while
 * it restarts; it also records which ticks it enqueued, in order, and every release call.
 */
final class FlakyBroker implements Broker {

    private final Broker delegate;
    private final AtomicInteger fetchesToFail = new AtomicInteger();
    private final AtomicInteger completesToFail = new AtomicInteger();
    private final AtomicInteger claimsToFail = new AtomicInteger();
    private final AtomicInteger fetchFailures = new AtomicInteger();
    private final AtomicInteger completeFailures = new AtomicInteger();
    private final List<Instant> enqueuedTicks = new CopyOnWriteArrayList<>();
    private final List<List<String>> releaseCalls = new CopyOnWriteArrayList<>();

    FlakyBroker(Broker delegate) {
        this.delegate = delegate;
    }

    void failFetches(int n) {
        fetchesToFail.set(n);
    }

    void failCompletes(int n) {
        completesToFail.set(n);
    }

    void failClaims(int n) {
        claimsToFail.set(n);
    }

    int fetchFailures() {
        return fetchFailures.get();
    }

    int completeFailures() {
        return completeFailures.get();
    }

    /** The ids of the jobs of each {@link #release} call, in call order. */
    List<List<String>> releaseCalls() {
        return List.copyOf(releaseCalls);
    }

    List<Instant> enqueuedTicks() {
        return List.copyOf(enqueuedTicks);
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    @Override
    public EnqueueResult enqueue(JobMessage job) {
        return delegate.enqueue(job);
    }

    @Override
    public List<EnqueueResult> enqueueAll(List<JobMessage> jobs) {
        return delegate.enqueueAll(jobs);
    }

    @Override
    public boolean cancel(String jobId) {
        return delegate.cancel(jobId);
    }

    @Override
    public Optional<JobState> status(String jobId) {
        return delegate.status(jobId);
    }

    @Override
    public List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException {
        if (take(fetchesToFail)) {
            fetchFailures.incrementAndGet();
            throw new BrokerException("fetch from queues " + queues + ": connection refused");
        }
        return delegate.fetch(workerId, queues, max, wait);
    }

    @Override
    public void complete(String workerId, List<JobMessage> jobs) {
        if (take(completesToFail)) {
            completeFailures.incrementAndGet();
            throw new BrokerException("complete " + jobs.size() + " jobs: connection reset");
        }
        delegate.complete(workerId, jobs);
    }

    @Override
    public void retry(String workerId, JobMessage job, Failure failure, Instant retryAt) {
        delegate.retry(workerId, job, failure, retryAt);
    }

    @Override
    public void fail(String workerId, JobMessage job, Failure failure) {
        delegate.fail(workerId, job, failure);
    }

    @Override
    public void reject(String workerId, JobMessage job, Failure failure) {
        delegate.reject(workerId, job, failure);
    }

    @Override
    public void release(String workerId, List<JobMessage> jobs) {
        releaseCalls.add(jobs.stream().map(JobMessage::id).toList());
        delegate.release(workerId, jobs);
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        delegate.heartbeat(worker, ttl);
    }

    @Override
    public void unregister(String workerId) {
        delegate.unregister(workerId);
    }

    @Override
    public List<WorkerInfo> workers() {
        return delegate.workers();
    }

    @Override
    public RecoveryResult recoverDeadWorkers(int maxRecoveries) {
        return delegate.recoverDeadWorkers(maxRecoveries);
    }

    @Override
    public Optional<Instant> lastTick(String task) {
        return delegate.lastTick(task);
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        if (take(claimsToFail)) {
            throw new BrokerException("claim tick " + tick + " of " + task + ": connection refused");
        }
        TickResult result = delegate.claimTick(task, tick, job, skipIfRunning);
        if (result == TickResult.ENQUEUED) {
            enqueuedTicks.add(tick);
        }
        return result;
    }

    @Override
    public List<FailedJob> failedJobs(int offset, int limit) {
        return delegate.failedJobs(offset, limit);
    }

    @Override
    public boolean retryFailed(String jobId) {
        return delegate.retryFailed(jobId);
    }

    @Override
    public boolean deleteFailed(String jobId) {
        return delegate.deleteFailed(jobId);
    }

    @Override
    public long purgeFailed() {
        return delegate.purgeFailed();
    }

    @Override
    public BrokerStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
