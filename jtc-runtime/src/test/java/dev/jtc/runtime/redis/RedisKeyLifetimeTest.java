package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Every key a job leaves in Redis goes when the job does, and acknowledgements of any size go
 * through: nothing piles up unseen in a long-running deployment.
 */
class RedisKeyLifetimeTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();

    private JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, null);
    }

    @Test
    void aCancelledRetrysHistoryExpiresWithItsRecord() throws Exception {
        JobMessage sent = job();
        broker.enqueue(sent);
        JobMessage active = broker.fetch("w1", List.of("default"), 1, Duration.ZERO).get(0);
        broker.retry("w1", active, new Failure(1, clock.instant(), "boom", ""), clock.instant().plusSeconds(60));

        assertTrue(broker.cancel(sent.id()));

        long retention = RedisBrokerOptions.defaults().completedRetention().toMillis();
        long recordTtl = jedis.pttl("jtc:{default}:job:" + sent.id());
        long historyTtl = jedis.pttl("jtc:{default}:history:" + sent.id());
        assertTrue(recordTtl > 0 && recordTtl <= retention, "record TTL " + recordTtl);
        assertTrue(historyTtl > 0 && historyTtl <= retention, "history TTL " + historyTtl + " (-1 = kept forever)");
    }

    @Test
    void deletingOrPurgingAQuarantinedJobAlsoDeletesTheCopyKeptAside() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = JobIds.next("default");
            jedis.set("jtc:{default}:job:" + id, "not a hash");
            jedis.rpush("jtc:{default}:ready", id);
            ids.add(id);
        }
        assertEquals(List.of(), broker.fetch("w1", List.of("default"), 5, Duration.ZERO));
        assertTrue(jedis.exists("jtc:{default}:job:" + ids.get(0) + ":corrupt"));

        assertTrue(broker.deleteFailed(ids.get(0)));
        assertFalse(jedis.exists("jtc:{default}:job:" + ids.get(0) + ":corrupt"));
        assertEquals(1, broker.purgeFailed());
        assertFalse(jedis.exists("jtc:{default}:job:" + ids.get(1) + ":corrupt"));
        assertEquals(List.of("jtc:queues"), List.copyOf(jedis.keys("jtc:*")), "nothing else is left");
    }

    @Test
    void completingThousandsOfJobsInOneCallWorks() throws Exception {
        int count = 5000; // Lua's unpack() takes fewer than 8000 values; one script per job batch must stay below
        List<JobMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(job());
        }
        broker.enqueueAll(sent);
        List<JobMessage> active = new ArrayList<>();
        while (active.size() < count) {
            active.addAll(broker.fetch("w1", List.of("default"), count, Duration.ZERO));
        }

        broker.complete("w1", active);

        assertEquals(count, broker.stats().processed());
        assertEquals(0, broker.stats().queues().get(0).active());
    }

    @Test
    void releasingThousandsOfJobsInOneCallKeepsTheirOrder() throws Exception {
        int count = 5000;
        List<JobMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(job());
        }
        broker.enqueueAll(sent);
        List<JobMessage> active = new ArrayList<>();
        while (active.size() < count) {
            active.addAll(broker.fetch("w1", List.of("default"), count, Duration.ZERO));
        }

        broker.release("w1", active);

        assertEquals(sent.stream().map(JobMessage::id).toList(), jedis.lrange("jtc:{default}:ready", 0, -1));
    }
}
