package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.TickResult;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** Two namespaces in one Redis are two separate brokers. */
class RedisNamespaceTest {

    private static RedisServerProcess server;
    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private RedisBroker shop;
    private RedisBroker billing;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void connect() {
        shop = RedisBroker.connect(server.url(), "shop", clock);
        billing = RedisBroker.connect(server.url(), "billing", clock);
    }

    @AfterEach
    void disconnect() {
        shop.close();
        billing.close();
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            jedis.flushAll();
        }
    }

    private JobMessage job(String queue) {
        return JobMessage.create(JobIds.next(queue), "Job", queue, "{}", "", clock.instant(), null, "same-key");
    }

    @Test
    void jobsQueuesAndUniqueKeysDoNotCross() throws Exception {
        JobMessage forShop = job("default");
        JobMessage forBilling = job("default");
        assertFalse(shop.enqueue(forShop).duplicate());
        assertFalse(billing.enqueue(forBilling).duplicate(), "unique keys are per namespace");

        assertEquals(Optional.empty(), billing.status(forShop.id()));
        assertFalse(billing.cancel(forShop.id()));
        assertEquals(List.of(forBilling.id()),
                billing.fetch("w", List.of("default"), 10, Duration.ZERO).stream().map(JobMessage::id).toList());
        assertEquals(List.of(forShop.id()),
                shop.fetch("w", List.of("default"), 10, Duration.ZERO).stream().map(JobMessage::id).toList());
    }

    @Test
    void failedSetsStatsWorkersAndTicksDoNotCross() throws Exception {
        shop.enqueue(job("mail"));
        JobMessage active = shop.fetch("w", List.of("mail"), 1, Duration.ZERO).get(0);
        shop.fail("w", active, new Failure(1, clock.instant(), "boom", ""));
        shop.heartbeat(new WorkerInfo("w", "h", 1, List.of("mail"), 1, clock.instant(), clock.instant()), Duration.ofSeconds(15));
        Instant tick = Instant.parse("2026-03-02T10:00:00Z");
        assertEquals(TickResult.ENQUEUED, shop.claimTick("Reports.daily", tick, job("default"), false));

        assertEquals(List.of(), billing.failedJobs(0, 10));
        assertEquals(0, billing.purgeFailed());
        assertEquals(List.of(), billing.stats().queues());
        assertEquals(List.of(), billing.workers());
        assertEquals(Optional.empty(), billing.lastTick("Reports.daily"));
        assertEquals(TickResult.ENQUEUED, billing.claimTick("Reports.daily", tick, job("default"), false));

        assertEquals(1, shop.failedJobs(0, 10).size());
        assertEquals(1, shop.workers().size());
    }

    @Test
    void everyKeyStartsWithItsNamespace() throws Exception {
        shop.enqueue(job("mail"));
        billing.enqueue(job("mail"));
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            Set<String> keys = jedis.keys("*");
            assertTrue(keys.stream().allMatch(k -> k.startsWith("shop:") || k.startsWith("billing:")), keys.toString());
            assertTrue(keys.contains("shop:{mail}:ready") && keys.contains("billing:{mail}:ready"), keys.toString());
        }
    }
}
