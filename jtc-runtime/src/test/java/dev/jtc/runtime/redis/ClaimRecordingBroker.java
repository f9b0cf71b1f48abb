package dev.jtc.runtime.redis;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Broker;
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
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A {@link RedisBroker} that also writes down, in {@code test:claims}, every tick it claimed with
 * an enqueue ({@code "<tick ms> <job id> <worker>"}), so a test can check that across several
 * worker processes each tick was enqueued once and each enqueued run ran once.
 */
final class ClaimRecordingBroker implements Broker {

    private final Broker delegate;
    private final JedisPool records;
    private final String workerId;

    ClaimRecordingBroker(Broker delegate, JedisPool records, String workerId) {
        this.delegate = delegate;
        this.records = records;
        this.workerId = workerId;
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        TickResult result = delegate.claimTick(task, tick, job, skipIfRunning);
        if (result == TickResult.ENQUEUED) {
            try (Jedis jedis = records.getResource()) {
                jedis.rpush("test:claims", tick.toEpochMilli() + " " + job.id() + " " + workerId);
            }
        }
        return result;
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
    public List<JobMessage> fetch(String worker, List<String> queues, int max, Duration wait) throws InterruptedException {
        return delegate.fetch(worker, queues, max, wait);
    }

    @Override
    public void complete(String worker, List<JobMessage> jobs) {
        delegate.complete(worker, jobs);
    }

    @Override
    public void retry(String worker, JobMessage job, Failure failure, Instant retryAt) {
        delegate.retry(worker, job, failure, retryAt);
    }

    @Override
    public void fail(String worker, JobMessage job, Failure failure) {
        delegate.fail(worker, job, failure);
    }

    @Override
    public void reject(String worker, JobMessage job, Failure failure) {
        delegate.reject(worker, job, failure);
    }

    @Override
    public void release(String worker, List<JobMessage> jobs) {
        delegate.release(worker, jobs);
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        delegate.heartbeat(worker, ttl);
    }

    @Override
    public void unregister(String worker) {
        delegate.unregister(worker);
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
