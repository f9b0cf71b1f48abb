package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * A producer in another language, following docs/wire-protocol.md with plain Redis commands, is
 * understood by the broker; and what the broker writes is what the document says.
 */
class RedisWireProtocolTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();

    /** The documented command sequence, as a MULTI/EXEC transaction. */
    private void produce(String id, String queue, Map<String, String> fields) {
        Transaction tx = jedis.multi();
        tx.hset("jtc:{" + queue + "}:job:" + id, fields);
        tx.rpush("jtc:{" + queue + "}:ready", id);
        tx.sadd("jtc:queues", queue);
        tx.lpush("jtc:{" + queue + "}:signal", "1");
        tx.ltrim("jtc:{" + queue + "}:signal", 0, 0);
        tx.exec();
    }

    @Test
    void jobWrittenWithPlainCommandsIsFetchedWithEveryField() throws Exception {
        String id = "order-7@mail";
        produce(id, "mail", Map.of("id", id, "name", "SendWelcomeEmail", "queue", "mail",
                "payload", "{\"userId\":42,\"template\":\"welcome\"}", "fingerprint", "3f2a9c1d",
                "enqueuedAt", "1772445600000", "attempt", "0", "recoveries", "0", "state", "queued"));

        assertEquals(Optional.of(JobState.QUEUED), broker.status(id));
        List<JobMessage> got = broker.fetch("w1", List.of("mail"), 10, Duration.ZERO);

        assertEquals(1, got.size());
        JobMessage job = got.get(0);
        assertEquals(id, job.id());
        assertEquals("SendWelcomeEmail", job.name());
        assertEquals("mail", job.queue());
        assertEquals("{\"userId\":42,\"template\":\"welcome\"}", job.payload());
        assertEquals("3f2a9c1d", job.fingerprint());
        assertEquals(Instant.ofEpochMilli(1772445600000L), job.enqueuedAt());
        assertEquals(1, job.attempt());
        assertNull(job.runAt());
        assertNull(job.uniqueKey());
    }

    @Test
    void theMinimalJobNeedsOnlyNameAndPayload() throws Exception {
        produce("minimal-1@default", "default", Map.of("name", "Ping", "payload", "{}"));

        JobMessage job = broker.fetch("w1", List.of("default"), 10, Duration.ZERO).get(0);

        assertEquals("minimal-1@default", job.id());
        assertEquals("Ping", job.name());
        assertEquals("", job.fingerprint());
        assertEquals(1, job.attempt());
    }

    @Test
    void anIdWithoutAQueuePartIsStillFoundByStatusAndCancel() {
        produce("legacy-42", "reports", Map.of("name", "Report", "payload", "{}"));

        assertEquals(Optional.of(JobState.QUEUED), broker.status("legacy-42"));
        assertTrue(broker.cancel("legacy-42"));
        assertEquals(Optional.of(JobState.CANCELLED), broker.status("legacy-42"));
    }

    @Test
    void theSignalWakesABlockedFetchAtOnce() throws Exception {
        CompletableFuture<List<JobMessage>> fetched = CompletableFuture.supplyAsync(() -> {
            try {
                return broker.fetch("w1", List.of("default"), 10, Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        produce("wake-1@default", "default", Map.of("name", "Ping", "payload", "{}"));

        assertEquals("wake-1@default", fetched.get(10, TimeUnit.SECONDS).get(0).id());
    }

    @Test
    void theEnqueueScriptRunWithEvalIsTheSameAsTheBrokers() throws Exception {
        // docs/wire-protocol.md: run lib.lua + enqueue.lua with EVAL, with the queue's eight keys.
        List<String> args = new ArrayList<>(List.of("jtc:{mail}:", "mail", "1772445600000"));
        args.addAll(List.of("script-1@mail", "SendMail", "{\"to\":\"a@b.c\"}", "", "1772445600000", "", "", "0", "0"));
        Object reply = jedis.eval(Script.ENQUEUE.text(), new RedisKeys("jtc").scriptKeys("mail"), args);
        jedis.sadd("jtc:queues", "mail");

        assertEquals(List.of("script-1@mail", "0"), reply);
        assertEquals("SendMail", broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0).name());
    }

    @Test
    void whatTheBrokerWritesMatchesTheDocumentedLayout() throws Exception {
        JobMessage sent = JobMessage.create("01JDQ4M5Z9X8K2J3H4G5F6D7S8@mail", "SendMail", "mail", "{}", "fp",
                clock.instant(), clock.instant().plusSeconds(60), "invoice-7");
        broker.enqueue(sent);

        Map<String, String> hash = jedis.hgetAll("jtc:{mail}:job:" + sent.id());
        Map<String, String> expected = new java.util.TreeMap<>(Map.of("id", sent.id(), "name", "SendMail", "queue", "mail",
                "payload", "{}", "fingerprint", "fp", "enqueuedAt", Long.toString(clock.millis()),
                "runAt", Long.toString(clock.millis() + 60_000), "uniqueKey", "invoice-7", "attempt", "0", "recoveries", "0"));
        expected.put("state", "scheduled");
        assertEquals(expected, new java.util.TreeMap<>(hash));
        assertEquals(Double.valueOf(clock.millis() + 60_000), jedis.zscore("jtc:{mail}:scheduled", sent.id()));
        assertEquals(sent.id(), jedis.hget("jtc:{mail}:unique", "invoice-7"));
        assertTrue(jedis.sismember("jtc:queues", "mail"));

        clock.advance(Duration.ofSeconds(60));
        JobMessage active = broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0);
        assertEquals("active", jedis.hget("jtc:{mail}:job:" + sent.id(), "state"));
        assertEquals(Double.valueOf(clock.millis()), jedis.zscore("jtc:{mail}:active:w1", sent.id()));
        broker.complete("w1", List.of(active));
        assertFalse(jedis.exists("jtc:{mail}:job:" + sent.id()), "a completed job's record is deleted");
        assertEquals(Double.valueOf(clock.millis() + Duration.ofMinutes(5).toMillis()),
                jedis.zscore("jtc:{mail}:completed", sent.id()), "its id stays, scored by when the status expires");
        assertEquals("1", jedis.hget("jtc:{mail}:stats", "processed"));
        assertEquals(null, jedis.hget("jtc:{mail}:unique", "invoice-7"));
    }
}
