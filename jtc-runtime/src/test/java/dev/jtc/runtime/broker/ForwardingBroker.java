package dev.jtc.runtime.broker;

import dev.jtc.runtime.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A broker that hands every call to another one, so that a test broker overrides only the calls it
 * watches or breaks ({@code FlakyBroker}, {@code ClaimRecordingBroker}) and cannot forget one
 * when {@link Broker} grows. Default methods are forwarded too, so the delegate's own
 * implementation is the one that runs.
 */
public abstract class ForwardingBroker implements Broker {

    private final Broker delegate;

    protected ForwardingBroker(Broker delegate) {
        this.delegate = delegate;
    }

    /** The broker every call goes to. */
    protected final Broker delegate() {
        return delegate;
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
    public Optional<JobDetails> details(String jobId) {
        return delegate.details(jobId);
    }

    @Override
    public List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException {
        return delegate.fetch(workerId, queues, max, wait);
    }

    @Override
    public void complete(String workerId, List<JobMessage> jobs) {
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
        delegate.release(workerId, jobs);
    }

    @Override
    public void postpone(String workerId, JobMessage job, Instant runAt) {
        delegate.postpone(workerId, job, runAt);
    }

    @Override
    public boolean acquireLease(String key, String holder, int limit, Duration ttl) {
        return delegate.acquireLease(key, holder, limit, ttl);
    }

    @Override
    public void releaseLease(Lease lease) {
        delegate.releaseLease(lease);
    }

    @Override
    public List<Lease> renewLeases(List<Lease> leases, Duration ttl) {
        return delegate.renewLeases(leases, ttl);
    }

    @Override
    public Optional<Instant> acquireRate(String key, String holder, int limit, Duration window) {
        return delegate.acquireRate(key, holder, limit, window);
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
        return delegate.claimTick(task, tick, job, skipIfRunning);
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
    public List<PendingJob> pendingJobs(String queue, JobState state, int offset, int limit) {
        return delegate.pendingJobs(queue, state, offset, limit);
    }

    @Override
    public List<ThroughputBucket> history(HistoryResolution resolution, Instant from, Instant to) {
        return delegate.history(resolution, from, to);
    }

    @Override
    public List<ThroughputBucket> queueHistory(String queue, HistoryResolution resolution, Instant from, Instant to) {
        return delegate.queueHistory(queue, resolution, from, to);
    }

    @Override
    public List<CompletedJob> recentCompleted(int offset, int limit) {
        return delegate.recentCompleted(offset, limit);
    }

    @Override
    public boolean pause(String queue) {
        return delegate.pause(queue);
    }

    @Override
    public boolean resume(String queue) {
        return delegate.resume(queue);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
