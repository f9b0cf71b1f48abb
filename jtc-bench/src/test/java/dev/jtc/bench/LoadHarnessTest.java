package dev.jtc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.testing.RedisServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Runs every phase of every Java system briefly against a private redis-server and checks the
 * bookkeeping, not the speed: every drained job was counted once, every job of a latency phase
 * has its latency, the offered load is exactly rate × time, and each phase leaves Redis empty.
 */
class LoadHarnessTest {

    private static final Duration PHASE = Duration.ofMillis(300);
    private static final int RATE = 500;
    private static final int DRAIN = 2_000;

    private static RedisServerProcess redis;
    private static CpuMeter cpu;

    private final LoadOptions options = new LoadOptions(PHASE, PHASE, 2, 20, DRAIN, 50_000, 4, 8, 2, 2, List.of(RATE),
            Set.copyOf(LoadOptions.ALL_SYSTEMS), Path.of("unused"), Optional.empty(), 1);

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start();
        cpu = new CpuMeter(redis.port());
    }

    @AfterAll
    static void stopRedis() {
        cpu.close();
        redis.close();
    }

    @Test
    void redisFloorPhases() {
        try (RedisFloor floor = new RedisFloor(redis.port(), options, cpu)) {
            checkPhases(floor);
        }
    }

    @Test
    void jtcWithMetricsAndWithoutHistoryPhases() {
        try (JtcSystem jtc = new JtcSystem(LoadOptions.JTC_REDIS_METRICS, BrokerSource.redis(redis.port(), Clock.systemUTC()), options,
                cpu, JtcVariant.METRICS)) {
            checkPhases(jtc);
        }
        try (JtcSystem jtc = new JtcSystem(LoadOptions.JTC_REDIS_NO_HISTORY, BrokerSource.redis(redis.port(), Clock.systemUTC(),
                dev.jtc.runtime.redis.RedisBrokerOptions.defaults().withHistory(false)), options, cpu)) {
            checkPhases(jtc);
        }
    }

    @Test
    void jtcWithAMiddlewareAndUnderLimitsPhases() {
        for (Map.Entry<String, JtcVariant> variant : List.of(Map.entry(LoadOptions.JTC_REDIS_MIDDLEWARE, JtcVariant.MIDDLEWARE),
                Map.entry(LoadOptions.JTC_REDIS_RATE_LIMITED, JtcVariant.RATE_LIMITED),
                Map.entry(LoadOptions.JTC_REDIS_CONCURRENCY_LIMITED, JtcVariant.CONCURRENCY_LIMITED))) {
            try (JtcSystem jtc = new JtcSystem(variant.getKey(), BrokerSource.redis(redis.port(), Clock.systemUTC()), options, cpu,
                    variant.getValue())) {
                checkPhases(jtc);
            }
        }
    }

    @Test
    void jtcOverRedisPhases() {
        try (JtcSystem jtc = new JtcSystem(LoadOptions.JTC_REDIS, BrokerSource.redis(redis.port(), Clock.systemUTC()), options, cpu)) {
            checkPhases(jtc);
        }
    }

    @Test
    void jtcInMemoryPhases() {
        try (JtcSystem jtc = new JtcSystem(LoadOptions.JTC_MEMORY, BrokerSource.inMemory(Clock.systemUTC()), options, cpu)) {
            checkPhases(jtc);
        }
    }

    private void checkPhases(QueueSystem system) {
        Measurement single = system.enqueueSingle(PHASE);
        assertTrue(single.jobs() > 0, single.toString());
        assertTrue(single.nanos() >= PHASE.toNanos() || single.jobs() >= options.maxJobs(), "runs its time or up to the cap: " + single);
        assertFalse(Double.isNaN(single.cpu().clientMicros()), single.toString());
        assertRedisEmpty();

        Measurement batch = system.enqueueBatch(PHASE);
        assertEquals(0, batch.jobs() % options.batch(), "batches go whole: " + batch);
        assertRedisEmpty();

        Measurement drain = system.drain(DRAIN);
        assertEquals(DRAIN, drain.jobs());
        assertTrue(drain.nanos() > 0, drain.toString());
        assertRedisEmpty();

        Measurement latency = system.latency(RATE, PHASE);
        long offered = RATE * PHASE.toMillis() / 1000;
        assertEquals(offered, latency.jobs(), "the pacer offers exactly rate × time");
        LatencySummary summary = latency.latency().orElseThrow();
        assertEquals(offered, summary.count(), "every job's start was timed once");
        assertTrue(summary.p50() > 0 && summary.p50() <= summary.p99() && summary.p99() <= summary.max(), summary.toString());
        assertTrue(summary.enqueueP99() > 0, "every enqueue call was timed: " + summary);
        assertEquals(system.name(), latency.system());
        assertRedisEmpty();
    }

    private static void assertRedisEmpty() {
        try (Jedis jedis = RedisFloor.connect(redis.port())) {
            assertEquals(0, jedis.dbSize(), "the phase left keys behind");
        }
    }
}
