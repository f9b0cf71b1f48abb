package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.ForwardingBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.TickResult;
import dev.jtc.runtime.broker.WorkerInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker that fails the next few fetches, acknowledgements, heartbeats or tick claims, as Redis does while
 * it restarts; it also records which ticks it enqueued, in order, and every release call.
 */
final class FlakyBroker extends ForwardingBroker {

    private final AtomicInteger fetchesToFail = new AtomicInteger();
    private final AtomicInteger completesToFail = new AtomicInteger();
    private final AtomicInteger claimsToFail = new AtomicInteger();
    private final AtomicInteger heartbeatsToFail = new AtomicInteger();
    private final AtomicInteger fetchFailures = new AtomicInteger();
    private final AtomicInteger completeFailures = new AtomicInteger();
    private final List<Instant> enqueuedTicks = new CopyOnWriteArrayList<>();
    private final List<List<String>> releaseCalls = new CopyOnWriteArrayList<>();

    FlakyBroker(Broker delegate) {
        super(delegate);
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

    void failHeartbeats(int n) {
        heartbeatsToFail.set(n);
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
    public List<JobMessage> fetch(String workerId, List<String> queues, int max, Duration wait) throws InterruptedException {
        if (take(fetchesToFail)) {
            fetchFailures.incrementAndGet();
            throw new BrokerException("fetch from queues " + queues + ": connection refused");
        }
        return super.fetch(workerId, queues, max, wait);
    }

    @Override
    public void complete(String workerId, List<JobMessage> jobs) {
        if (take(completesToFail)) {
            completeFailures.incrementAndGet();
            throw new BrokerException("complete " + jobs.size() + " jobs: connection reset");
        }
        super.complete(workerId, jobs);
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        if (take(heartbeatsToFail)) {
            throw new BrokerException("heartbeat of worker " + worker.id() + ": connection refused");
        }
        super.heartbeat(worker, ttl);
    }

    @Override
    public void release(String workerId, List<JobMessage> jobs) {
        releaseCalls.add(jobs.stream().map(JobMessage::id).toList());
        super.release(workerId, jobs);
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        if (take(claimsToFail)) {
            throw new BrokerException("claim tick " + tick + " of " + task + ": connection refused");
        }
        TickResult result = super.claimTick(task, tick, job, skipIfRunning);
        if (result == TickResult.ENQUEUED) {
            enqueuedTicks.add(tick);
        }
        return result;
    }
}
