package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.PayloadTooLargeException;
import dev.jtc.runtime.codec.PayloadReader;
import dev.jtc.runtime.testing.RedisServerProcess;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerState;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * A real {@link Worker} on a {@link RedisBroker} while bad data is written straight into Redis,
 * as a buggy producer in another language, an old version of the application or a hand-edited
 * key would: malformed JSON, an unknown job name, a payload written for an older version of the
 * job's parameters (another schema fingerprint), a record without a name, a key of the wrong
 * type, an id without a record and an oversize payload. Each ends in the failed set with a reason
 * that names its problem (both fingerprints for the stale payload); the worker keeps running and
 * runs a good job dispatched afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisWorkerBadDataTest {

    private static final String WELCOME = "SendWelcomeEmail";
    private static final String CURRENT_FINGERPRINT = "fp-v2-userId-template";
    private static final String OLD_FINGERPRINT = "fp-v1-user-template";
    private static final int PAYLOAD_LIMIT = 4096;
    private static final JobType WELCOME_TYPE = new JobType(WELCOME, "default", 3, JobType.NO_TIMEOUT, Duration.ofMillis(1),
            Duration.ofMillis(5), CURRENT_FINGERPRINT, "userId:long,template:String");

    private static RedisServerProcess server;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, String> welcomed = new ConcurrentHashMap<>();
    private RedisBroker broker;
    private Jedis jedis;
    private Worker worker;

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
        broker = RedisBroker.connect(server.url(), "jtc", clock, RedisBrokerOptions.defaults().withMaxPayloadBytes(PAYLOAD_LIMIT));
        jedis = new Jedis("127.0.0.1", server.port());
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (worker != null) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
        }
        broker.close();
        jedis.flushAll();
        jedis.close();
    }

    /** The dispatch table a generated runner would be: decode with the codec, call the job. */
    private final JobRunner runner = new JobRunner() {
        @Override
        public void run(String name, String payload, JobContext context) throws Exception {
            if (!name.equals(WELCOME)) {
                throw new UnknownJobException(name);
            }
            PayloadReader in = PayloadReader.open(WELCOME, payload);
            long userId = 0;
            String template = null;
            while (in.nextField()) {
                switch (in.fieldName()) {
                    case "userId" -> userId = in.readLong();
                    case "template" -> template = in.readString();
                    default -> in.skipValue();
                }
            }
            in.endObject("userId", "template");
            welcomed.put(userId, template);
        }
    };

    private void startWorker() {
        worker = new Worker(broker, runner, List.of(WELCOME_TYPE), List.of(), WorkerConfig.builder()
                .fetchWait(Duration.ofMillis(200)).concurrency(2).build(), clock);
        worker.start();
    }

    /** Writes a job record and its ready entry with plain commands, as a foreign producer does. */
    private String writeStraightIntoRedis(Map<String, String> fields) {
        String id = JobIds.next("default");
        Map<String, String> record = new LinkedHashMap<>(Map.of("id", id, "queue", "default", "state", "queued",
                "enqueuedAt", Long.toString(clock.millis()), "attempt", "0", "recoveries", "0"));
        record.putAll(fields);
        jedis.hset("jtc:{default}:job:" + id, record);
        pushReady(id);
        return id;
    }

    private void pushReady(String id) {
        jedis.rpush("jtc:{default}:ready", id);
        jedis.sadd("jtc:queues", "default");
        jedis.lpush("jtc:{default}:signal", "1");
        jedis.ltrim("jtc:{default}:signal", 0, 0);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void badJobsEndInTheFailedSetWithTheirProblemNamedAndTheWorkerCarriesOn() throws Exception {
        startWorker();
        String garbage = writeStraightIntoRedis(Map.of("name", WELCOME, "payload", "{\"userId\":42,\"template\":",
                "fingerprint", CURRENT_FINGERPRINT));
        String unknown = writeStraightIntoRedis(Map.of("name", "SendGoodbyeEmail", "payload", "{}"));
        String stale = writeStraightIntoRedis(Map.of("name", WELCOME, "payload", "{\"user\":42,\"template\":\"welcome\"}",
                "fingerprint", OLD_FINGERPRINT));
        String nameless = writeStraightIntoRedis(Map.of("payload", "{}"));
        String oversize = writeStraightIntoRedis(Map.of("name", WELCOME, "payload",
                "{\"userId\":7,\"template\":\"" + "x".repeat(PAYLOAD_LIMIT) + "\"}", "fingerprint", CURRENT_FINGERPRINT));
        String wrongType = JobIds.next("default");
        jedis.set("jtc:{default}:job:" + wrongType, "{\"name\":\"SendWelcomeEmail\"}");
        pushReady(wrongType);
        String ghost = JobIds.next("default");
        pushReady(ghost);

        await("seven failed jobs", () -> broker.failedJobs(0, 20).size() == 7);
        Map<String, String> reasons = broker.failedJobs(0, 20).stream()
                .collect(Collectors.toMap(f -> f.job().id(), FailedJob::reason));

        assertReason(reasons.get(garbage), "undecodable payload for job 'SendWelcomeEmail'", "malformed JSON",
                "fingerprints are the same ('" + CURRENT_FINGERPRINT + "')");
        assertReason(reasons.get(unknown), "unknown job name 'SendGoodbyeEmail'");
        assertReason(reasons.get(stale), "missing field 'userId'", "producer fingerprint '" + OLD_FINGERPRINT + "'",
                "this worker's '" + CURRENT_FINGERPRINT + "'", "parameters changed");
        assertReason(reasons.get(nameless), "malformed job record", "field 'name' is missing");
        assertReason(reasons.get(oversize), "oversize payload", "over the limit of " + PAYLOAD_LIMIT + " bytes");
        assertReason(reasons.get(wrongType), "is a string, not a hash");
        assertReason(reasons.get(ghost), "is missing");
        for (String id : List.of(garbage, unknown, stale, nameless, oversize, wrongType, ghost)) {
            assertEquals(Optional.of(JobState.FAILED), broker.status(id), id);
        }
        assertEquals(List.of(), broker.failedJobs(0, 20).stream().filter(f -> f.job().id().equals(stale))
                .flatMap(f -> f.history().stream()).filter(h -> h.attempt() > 1).toList(), "a stale payload is not retried");

        assertEquals(WorkerState.RUNNING, worker.state(), "the worker keeps running");
        BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
        JobHandle good = dispatcher.dispatch(WELCOME_TYPE, "{\"userId\":1,\"template\":\"welcome\"}", DispatchOptions.none());
        await("the good job to complete", () -> good.status().equals(Optional.of(JobState.COMPLETED)));
        assertEquals(Map.of(1L, "welcome"), welcomed, "only the good job ran its code");
    }

    @Test
    void anOversizePayloadIsRefusedAtDispatchAndNothingIsEnqueued() {
        BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
        String big = "{\"userId\":1,\"template\":\"" + "é".repeat(PAYLOAD_LIMIT / 2) + "\"}"; // 2 bytes per é in UTF-8

        PayloadTooLargeException refused = assertThrows(PayloadTooLargeException.class,
                () -> dispatcher.dispatch(WELCOME_TYPE, big, DispatchOptions.none()));

        assertTrue(refused.getMessage().startsWith("payload of job 'SendWelcomeEmail' is " + (PAYLOAD_LIMIT + 26)
                + " bytes, over the limit of " + PAYLOAD_LIMIT + " bytes; nothing was enqueued"), refused.getMessage());
        assertTrue(refused.getMessage().contains("pass large data by reference"), refused.getMessage());
        assertEquals(0, jedis.llen("jtc:{default}:ready"));
        assertEquals(0, jedis.keys("jtc:*job:*").size());
        JobHandle fits = dispatcher.dispatch(WELCOME_TYPE, "{\"userId\":1,\"template\":\"" + "x".repeat(PAYLOAD_LIMIT - 26) + "\"}",
                DispatchOptions.none());
        assertEquals(Optional.of(JobState.QUEUED), fits.status(), "a payload of exactly the limit is accepted");
    }

    private static void assertReason(String reason, String... parts) {
        assertTrue(reason != null, "no failed-set entry");
        for (String part : parts) {
            assertTrue(reason.contains(part), "reason '" + reason + "' does not contain '" + part + "'");
        }
    }
}
