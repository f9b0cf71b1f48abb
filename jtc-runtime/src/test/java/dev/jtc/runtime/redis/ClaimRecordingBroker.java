package dev.jtc.runtime.redis;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.ForwardingBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.TickResult;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * A {@link RedisBroker} that also writes down, in {@code test:claims}, every tick it claimed with
 * an enqueue ({@code "<tick ms> <job id> <worker>"}), so a test can check that across several
 * worker processes each tick was enqueued once and each enqueued run ran once.
 */
final class ClaimRecordingBroker extends ForwardingBroker {

    private final JedisPool records;
    private final String workerId;
    private final AtomicInteger claiming;

    ClaimRecordingBroker(Broker delegate, JedisPool records, String workerId) {
        this(delegate, records, workerId, new AtomicInteger());
    }

    /**
     * @param claiming counts the claims between Redis and the record: a tick is already claimed (and
     *     its run may even have completed) before it is written down, so a test that compares the two
     *     waits until this is zero
     */
    ClaimRecordingBroker(Broker delegate, JedisPool records, String workerId, AtomicInteger claiming) {
        super(delegate);
        this.records = records;
        this.workerId = workerId;
        this.claiming = claiming;
    }

    @Override
    public TickResult claimTick(String task, Instant tick, JobMessage job, boolean skipIfRunning) {
        claiming.incrementAndGet();
        try {
            TickResult result = super.claimTick(task, tick, job, skipIfRunning);
            if (result == TickResult.ENQUEUED) {
                try (Jedis jedis = records.getResource()) {
                    jedis.rpush("test:claims", tick.toEpochMilli() + " " + job.id() + " " + workerId);
                }
            }
            return result;
        } finally {
            claiming.decrementAndGet();
        }
    }
}
