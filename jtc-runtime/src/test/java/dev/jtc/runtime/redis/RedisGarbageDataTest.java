package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Writes a record (with name, payload and the given fields) and pushes its id onto the ready list. */
    private String foreign(String id, Map<String, String> fields) {
        Map<String, String> record = new java.util.HashMap<>(Map.of("id", id, "name", "SendMail", "payload", "{}"));
        record.putAll(fields);
        jedis.hset("jtc:{default}:job:" + id, record);
        jedis.rpush("jtc:{default}:ready", id);
        return id;
    }

    private Map<String, String> failedReasons() {
        return broker.failedJobs(0, 100).stream().collect(java.util.stream.Collectors.toMap(f -> f.job().id(), FailedJob::reason));
    }

    @Test
    void aStateTheProtocolDoesNotAllowSendsTheJobToTheFailedSetWithTheState() throws Exception {
        String upper = foreign(JobIds.next("default"), Map.of("state", "QUEUED"));
        String fresh = foreign(JobIds.next("default"), Map.of("state", "new"));
        String activeNowhere = foreign(JobIds.next("default"), Map.of("state", "active", "worker", "w9"));
        String failedNowhere = foreign(JobIds.next("default"), Map.of("state", "failed", "reason", "it broke"));
        String scheduledBogus = JobIds.next("default");
        jedis.hset("jtc:{default}:job:" + scheduledBogus, Map.of("name", "SendMail", "payload", "{}", "state", "pending"));
        jedis.zadd("jtc:{default}:scheduled", clock.millis(), scheduledBogus);
        String queued = foreign(JobIds.next("default"), Map.of("state", "queued"));
        String scheduled = foreign(JobIds.next("default"), Map.of("state", "scheduled"));
        String none = foreign(JobIds.next("default"), Map.of());

        assertEquals(List.of(queued, scheduled, none), fetchAll().stream().map(JobMessage::id).toList(),
                "queued, scheduled and no state are what a producer may write");

        Map<String, String> reasons = failedReasons();
        assertEquals(5, reasons.size(), reasons.toString());
        assertTrue(reasons.get(upper).startsWith("unknown state 'QUEUED' (a producer writes 'queued' or 'scheduled', or no"
                + " state); its id was on the ready list"), reasons.get(upper));
        assertTrue(reasons.get(fresh).startsWith("unknown state 'new'"), reasons.get(fresh));
        assertTrue(reasons.get(activeNowhere).contains("says state 'active' but no worker holds it (worker 'w9')"),
                reasons.get(activeNowhere));
        assertTrue(reasons.get(failedNowhere).contains("says state 'failed' (it broke)"), reasons.get(failedNowhere));
        assertTrue(reasons.get(scheduledBogus).startsWith("unknown state 'pending'") && reasons.get(scheduledBogus)
                .endsWith("its id was in the scheduled set"), reasons.get(scheduledBogus));
        for (String id : reasons.keySet()) {
            assertEquals(Optional.of(JobState.FAILED), broker.status(id));
        }
    }

    @Test
    void badNumbersNameTheFieldInsteadOfANumberFormatException() throws Exception {
        String dash = foreign(JobIds.next("default"), Map.of("attempt", "-"));
        String range = foreign(JobIds.next("default"), Map.of("enqueuedAt", "1-2"));
        String twenty = foreign(JobIds.next("default"), Map.of("runAt", "12345678901234567890"));
        String negative = foreign(JobIds.next("default"), Map.of("attempt", "-3"));
        String negativeRecoveries = foreign(JobIds.next("default"), Map.of("recoveries", "-1"));
        JobMessage fine = good();

        assertEquals(List.of(fine.id()), fetchAll().stream().map(JobMessage::id).toList());

        Map<String, String> reasons = failedReasons();
        assertEquals("malformed job record: field 'attempt' is '-', not a count from 0 (at most 9 digits)", reasons.get(dash));
        assertEquals("malformed job record: field 'enqueuedAt' is '1-2', not epoch milliseconds (at most 15 digits)",
                reasons.get(range));
        assertEquals("malformed job record: field 'runAt' is '12345678901234567890', not epoch milliseconds (at most 15"
                + " digits)", reasons.get(twenty));
        assertEquals("malformed job record: field 'attempt' is '-3', not a count from 0 (at most 9 digits)", reasons.get(negative));
        assertTrue(reasons.get(negativeRecoveries).contains("field 'recoveries' is '-1'"), reasons.get(negativeRecoveries));
        reasons.values().forEach(r -> assertFalse(r.contains("NumberFormatException"), r));
    }

    @Test
    void overLongOrIllFormedNamesIdsUniqueKeysAndFingerprintsAreFailedAtFetch() throws Exception {
        String longName = foreign(JobIds.next("default"), Map.of("name", "N".repeat(5 * 1024 * 1024)));
        String spacedName = foreign(JobIds.next("default"), Map.of("name", "send mail"));
        String longId = foreign("x".repeat(300), Map.of());
        String spacedId = foreign("order 42@default", Map.of());
        String spacedKey = foreign(JobIds.next("default"), Map.of("uniqueKey", "invoice 42"));
        String longKey = foreign(JobIds.next("default"), Map.of("uniqueKey", "k".repeat(10_240)));
        String longFingerprint = foreign(JobIds.next("default"), Map.of("fingerprint", "f".repeat(100)));

        assertEquals(List.of(), fetchAll());

        Map<String, String> reasons = failedReasons();
        assertEquals(7, reasons.size(), reasons.keySet().toString());
        assertTrue(reasons.get(longName).contains("field 'name' is 'NNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNNN...' (5242880 bytes),"
                + " not 1 to 200 of [A-Za-z0-9._-]"), reasons.get(longName));
        assertTrue(reasons.get(longName).length() < 300, "the reason does not copy the name");
        assertTrue(reasons.get(spacedName).contains("field 'name' is 'send mail'"), reasons.get(spacedName));
        assertTrue(reasons.get(longId).contains("(300 bytes) is not 1 to 256 printable ASCII characters"), reasons.get(longId));
        assertTrue(reasons.get(spacedId).contains("id 'order 42@default' is not 1 to 256 printable"), reasons.get(spacedId));
        assertTrue(reasons.get(spacedKey).contains("field 'uniqueKey' is 'invoice 42', not 1 to 256 bytes"), reasons.get(spacedKey));
        assertTrue(reasons.get(longKey).contains("(10240 bytes), not 1 to 256 bytes"), reasons.get(longKey));
        assertTrue(reasons.get(longFingerprint).contains("field 'fingerprint' is"), reasons.get(longFingerprint));
    }

    @Test
    void staleAndRepeatedEntriesAreCountedAndLogged() throws Exception {
        JobMessage job = good();
        broker.complete("w1", fetchAll());
        JobMessage next = good();
        jedis.rpush("jtc:{default}:ready", job.id()); // a completed job's id again
        jedis.rpush("jtc:{default}:ready", next.id()); // the same id twice in a row of the list

        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        List<JobMessage> got;
        try {
            got = fetchAll();
        } finally {
            System.setErr(original);
        }

        assertEquals(List.of(next.id()), got.stream().map(JobMessage::id).toList());
        assertTrue(log.toString(java.nio.charset.StandardCharsets.UTF_8).contains("fetch from queue 'default' dropped 2 stale"
                + " entries of jobs that are already elsewhere"), log.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, jedis.llen("jtc:{default}:ready"));
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
