package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * A fetch whose script ran but whose reply never arrived leaves jobs in a live worker's in-flight
 * set that the worker never got. The next fetch of that worker puts them back, and keeps the
 * jobs the worker does hold.
 */
class RedisLostReplyTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

    private JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, null);
    }

    @Test
    void jobsFromALostFetchReplyAreDeliveredByTheNextFetch() throws Exception {
        try (RedisBroker worker = RedisBroker.connect(redis.url(), "lost", clock);
                RedisBroker lostReply = RedisBroker.connect(redis.url(), "lost", clock)) {
            JobMessage held = job();
            JobMessage lost1 = job();
            JobMessage lost2 = job();
            worker.enqueueAll(List.of(held, lost1, lost2));
            assertEquals(List.of(held.id()), ids(worker.fetch("w1", List.of("default"), 1, Duration.ZERO)));
            // Another connection takes two jobs for w1 and "loses" the reply: w1's process never sees them.
            assertEquals(2, lostReply.fetch("w1", List.of("default"), 2, Duration.ZERO).size());
            worker.simulateLostFetchReply("w1");

            List<JobMessage> again = worker.fetch("w1", List.of("default"), 5, Duration.ZERO);

            assertEquals(List.of(lost1.id(), lost2.id()), ids(again));
            assertEquals(List.of(1, 1), again.stream().map(JobMessage::attempt).toList(), "no attempt was spent");
            assertEquals(Optional.of(JobState.ACTIVE), worker.status(held.id()));
            assertEquals(3, worker.stats().queues().get(0).active());
        }
    }

    @Test
    void jobsTakenByAFetchThatFailedAfterItsScriptRanAreDeliveredByTheNextFetch() throws Exception {
        try (RedisBroker worker = RedisBroker.connect(redis.url(), "failed", clock);
                Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            JobMessage job = job();
            worker.enqueue(job);
            // The fetch script runs, then the queue registration sent with it is refused.
            jedis.set("failed:queues", "not a set");
            assertThrows(BrokerException.class, () -> worker.fetch("w1", List.of("default"), 5, Duration.ZERO));
            jedis.del("failed:queues");

            assertEquals(List.of(job.id()), ids(worker.fetch("w1", List.of("default"), 5, Duration.ZERO)));
            assertEquals(1, worker.stats().queues().get(0).active());
        }
    }

    private static List<String> ids(List<JobMessage> jobs) {
        return jobs.stream().map(JobMessage::id).toList();
    }
}
