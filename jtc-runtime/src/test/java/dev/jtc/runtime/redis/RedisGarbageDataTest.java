package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * Whatever is found in Redis, fetch never throws and never drops a job silently: a job that cannot
 * be delivered lands in the failed set with a reason that names the problem, and the good jobs
 * around it are delivered as usual.
 */
class RedisGarbageDataTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();

    private JobMessage good() {
        JobMessage job = JobMessage.create(JobIds.next("default"), "Good", "default", "{}", "", clock.instant(), null, null);
        broker.enqueue(job);
        return job;
    }

    private List<JobMessage> fetchAll() throws InterruptedException {
        return broker.fetch("w1", List.of("default"), 50, Duration.ZERO);
    }

    private FailedJob onlyFailed() {
        List<FailedJob> failed = broker.failedJobs(0, 10);
        assertEquals(1, failed.size(), failed.toString());
        return failed.get(0);
    }

    @Test
    void idOnTheReadyListWithoutARecordGoesToTheFailedSet() throws Exception {
        JobMessage before = good();
        String ghost = JobIds.next("default");
        jedis.rpush("jtc:{default}:ready", ghost);
        JobMessage after = good();

        assertEquals(List.of(before.id(), after.id()), fetchAll().stream().map(JobMessage::id).toList());

        FailedJob failed = onlyFailed();
        assertEquals(ghost, failed.job().id());
        assertTrue(failed.reason().contains("is missing"), failed.reason());
        assertEquals(Optional.of(JobState.FAILED), broker.status(ghost));
    }

    @Test
    void malformedFieldsAreNamedInTheReason() throws Exception {
        String id = JobIds.next("default");
        jedis.hset("jtc:{default}:job:" + id, Map.of("id", id, "name", "SendMail", "payload", "{}",
                "enqueuedAt", "yesterday", "attempt", "two"));
        jedis.rpush("jtc:{default}:ready", id);
        JobMessage fine = good();

        assertEquals(List.of(fine.id()), fetchAll().stream().map(JobMessage::id).toList());

        FailedJob failed = onlyFailed();
        assertEquals(id, failed.job().id());
        assertEquals("SendMail", failed.job().name());
        assertTrue(failed.reason().startsWith("malformed job record"), failed.reason());
        assertTrue(failed.reason().contains("'enqueuedAt' is 'yesterday'"), failed.reason());
        assertTrue(failed.reason().contains("'attempt' is 'two'"), failed.reason());
    }

    @Test
    void missingNameAndPayloadAreNamed() throws Exception {
        String id = JobIds.next("default");
        jedis.hset("jtc:{default}:job:" + id, Map.of("id", id, "fingerprint", "x"));
        jedis.rpush("jtc:{default}:ready", id);

        assertEquals(List.of(), fetchAll());

        FailedJob failed = onlyFailed();
        assertTrue(failed.reason().contains("'name' is missing"), failed.reason());
        assertTrue(failed.reason().contains("'payload' is missing"), failed.reason());
    }

    @Test
    void recordOfTheWrongTypeIsKeptAsideAndTheJobFailed() throws Exception {
        String id = JobIds.next("default");
        jedis.set("jtc:{default}:job:" + id, "not a hash");
        jedis.rpush("jtc:{default}:ready", id);

        assertEquals(List.of(), fetchAll());

        FailedJob failed = onlyFailed();
        assertTrue(failed.reason().contains("is a string, not a hash"), failed.reason());
        assertEquals("not a hash", jedis.get("jtc:{default}:job:" + id + ":corrupt"), "the original value is kept");
    }

    @Test
    void unknownNameAndUndecodablePayloadAreDeliveredForTheWorkerToReject() throws Exception {
        String id = JobIds.next("default");
        jedis.hset("jtc:{default}:job:" + id, Map.of("id", id, "name", "NoSuchJob", "payload", "{not json"));
        jedis.rpush("jtc:{default}:ready", id);

        List<JobMessage> got = fetchAll();

        assertEquals(1, got.size());
        JobMessage job = got.get(0);
        assertEquals("NoSuchJob", job.name());
        assertEquals("{not json", job.payload());
        assertEquals("", job.fingerprint());
        assertEquals(clock.instant(), job.enqueuedAt(), "a missing enqueue time becomes the fetch time");
        broker.reject("w1", job, new Failure(1, clock.instant(), "unknown job name 'NoSuchJob'", ""));
        FailedJob failed = onlyFailed();
        assertEquals("unknown job name 'NoSuchJob'", failed.reason());
        assertEquals("{not json", failed.job().payload());
    }

    @Test
    void staleSecondReferenceToAFinishedJobIsNotDeliveredAgain() throws Exception {
        JobMessage job = good();
        JobMessage got = fetchAll().get(0);
        broker.complete("w1", List.of(got));
        jedis.rpush("jtc:{default}:ready", job.id());
        JobMessage next = good();

        assertEquals(List.of(next.id()), fetchAll().stream().map(JobMessage::id).toList());
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(job.id()));
    }

    @Test
    void staleScheduledEntryOfAJobThatMovedOnIsDroppedNotDeliveredASecondTime() throws Exception {
        JobMessage running = good();
        JobMessage failed = good();
        assertEquals(2, fetchAll().size());
        broker.fail("w1", failed, new Failure(1, clock.instant(), "boom", ""));
        // Left behind by someone who wrote the set directly: both jobs are elsewhere already.
        jedis.zadd("jtc:{default}:scheduled", clock.millis(), running.id());
        jedis.zadd("jtc:{default}:scheduled", clock.millis(), failed.id());

        assertEquals(List.of(), broker.fetch("w2", List.of("default"), 50, Duration.ZERO));

        assertEquals(Optional.of(JobState.ACTIVE), broker.status(running.id()));
        assertEquals(Optional.of(JobState.FAILED), broker.status(failed.id()));
        assertEquals(0, jedis.zcard("jtc:{default}:scheduled"));
        assertEquals(0, jedis.llen("jtc:{default}:ready"));
    }

    @Test
    void missingRecordOfAScheduledIdIsFailedWhenDue() throws Exception {
        String ghost = JobIds.next("default");
        jedis.zadd("jtc:{default}:scheduled", clock.millis(), ghost);

        assertEquals(List.of(), fetchAll());
        assertEquals(ghost, onlyFailed().job().id());
    }

    @Test
    void missingRecordOfADeadWorkersJobIsFailedOnRecovery() throws Exception {
        broker.heartbeat(new WorkerInfo("w1", "h", 1, List.of("default"), 1, clock.instant(), clock.instant()),
                Duration.ofSeconds(15));
        JobMessage job = good();
        fetchAll();
        jedis.del("jtc:{default}:job:" + job.id());
        clock.advance(Duration.ofSeconds(16));

        assertEquals(1, broker.recoverDeadWorkers(3).poisoned());
        assertTrue(onlyFailed().reason().contains("in-flight set of dead worker w1"));
    }

    @Test
    void unreadableWorkerRecordsAndHistoryEntriesAreShownNotThrown() throws Exception {
        jedis.hset("jtc:workers", "ghost", "{{{");
        assertEquals(List.of(), broker.workers());

        JobMessage job = good();
        JobMessage got = fetchAll().get(0);
        jedis.rpush("jtc:{default}:history:" + job.id(), "garbage");
        broker.fail("w1", got, new Failure(1, clock.instant(), "boom", ""));

        List<Failure> history = onlyFailed().history();
        assertTrue(history.get(0).reason().startsWith("unreadable history entry: garbage"), history.toString());
        assertEquals("boom", history.get(1).reason());
    }

    @Test
    void failedJobCanBeRetriedAfterTheRecordWasRepaired() throws Exception {
        String id = JobIds.next("default");
        jedis.hset("jtc:{default}:job:" + id, Map.of("id", id, "payload", "{}"));
        jedis.rpush("jtc:{default}:ready", id);
        fetchAll();
        jedis.hset("jtc:{default}:job:" + id, "name", "Repaired");

        assertTrue(broker.retryFailed(id));

        List<JobMessage> got = fetchAll();
        assertEquals(List.of("Repaired"), got.stream().map(JobMessage::name).toList());
        assertEquals(1, got.get(0).attempt());
    }
}
