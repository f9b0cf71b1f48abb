package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/** A server that forgot jtc's scripts (SCRIPT FLUSH, or a restart) is sent them again, transparently. */
class RedisScriptReloadTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

    private JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "Job", "default", "{}", "", clock.instant(), null, null);
    }

    private static void flushScripts() {
        try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
            jedis.scriptFlush();
            assertFalse(jedis.scriptExists(Script.FETCH.sha()));
        }
    }

    @Test
    void everyKindOfCallWorksAfterScriptFlush() throws Exception {
        try (RedisBroker broker = RedisBroker.connect(redis.url(), "reload", clock)) {
            JobMessage first = job();
            flushScripts();
            broker.enqueue(first); // a single script call

            flushScripts();
            JobMessage fetched = broker.fetch("w1", List.of("default"), 5, Duration.ZERO).get(0);
            assertEquals(first.id(), fetched.id());

            flushScripts();
            broker.enqueueAll(List.of(job(), job())); // one pipeline
            flushScripts();
            broker.complete("w1", List.of(fetched));
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(first.id()));

            flushScripts();
            assertEquals(2, broker.stats().queues().get(0).ready()); // several scripts in one pipeline
        }
    }
}
