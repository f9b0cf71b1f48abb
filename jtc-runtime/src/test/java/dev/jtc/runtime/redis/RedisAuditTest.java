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
import dev.jtc.runtime.redis.AuditFinding.Problem;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * {@link RedisAudit} on a Redis seeded with each kind of damage it looks for: a queue key of the
 * wrong type (the ready list turned into a set by a foreign producer), a namespace key of the
 * wrong type, job records in no structure (queued, scheduled, failed, active with no worker
 * holding it, an unknown state), ids without their record (on the ready list, in the failed set),
 * stale and contradicting entries, the jobs of a dead worker and of one no recovery pass sees, an
 * unregistered queue and leftovers. Without {@code --repair} it reports every one and changes
 * nothing; with it, it puts back what it safely can, says what it left, and a second run finds
 * only what was left.
 */
class RedisAuditTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static final String P = "jtc:{mail}:";

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");
    private final RedisBroker broker = redis.broker("jtc", clock);
    private final Jedis jedis = redis.jedis();

    /** The seeded jobs, by what was done to them. */
    private final Map<String, String> ids = new TreeMap<>();

    private JobMessage job(String queue, Duration delay) {
        return JobMessage.create(JobIds.next(queue), "SendMail", queue, "{}", "", clock.instant(),
                delay == null ? null : clock.instant().plus(delay), null);
    }

    private String enqueue(String name, String queue, Duration delay) {
        JobMessage job = job(queue, delay);
        broker.enqueue(job);
        ids.put(name, job.id());
        return job.id();
    }

    private WorkerInfo worker(String id) {
        return new WorkerInfo(id, "host", 1, List.of("mail"), 4, clock.instant(), clock.instant());
    }

    private void seedEveryKindOfDamage() throws Exception {
        // A foreign producer wrote the ready list of 'broken' as a set.
        String b1 = enqueue("broken1", "broken", null);
        String b2 = enqueue("broken2", "broken", null);
        jedis.del("jtc:{broken}:ready");
        jedis.sadd("jtc:{broken}:ready", b1, b2);
        jedis.set("jtc:tasks", "not a hash");

        // Records in no structure.
        jedis.lrem(P + "ready", 0, enqueue("queuedNowhere", "mail", null));
        jedis.zrem(P + "scheduled", enqueue("scheduledNowhere", "mail", Duration.ofHours(1)));
        String failed = enqueue("failedNowhere", "mail", null);
        broker.heartbeat(worker("w1"), Duration.ofDays(1));
        JobMessage taken = broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0);
        assertEquals(failed, taken.id());
        broker.fail("w1", taken, new Failure(1, clock.instant(), "boom", ""));
        jedis.zrem(P + "failed", failed);
        String activeNowhere = enqueue("activeNowhere", "mail", null);
        assertEquals(activeNowhere, broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0).id());
        jedis.zrem(P + "active:w1", activeNowhere);
        String unknown = JobIds.next("mail");
        ids.put("unknownNowhere", unknown);
        jedis.hset(P + "job:" + unknown, Map.of("name", "SendMail", "payload", "{}", "state", "new"));

        // A dead worker, and one that no recovery pass sees.
        String deadJob = enqueue("deadWorkersJob", "mail", null);
        broker.heartbeat(worker("dead"), Duration.ofSeconds(1));
        assertEquals(deadJob, broker.fetch("dead", List.of("mail"), 1, Duration.ZERO).get(0).id());
        String ghostJob = enqueue("ghostWorkersJob", "mail", null);
        broker.heartbeat(worker("ghost"), Duration.ofDays(1));
        assertEquals(ghostJob, broker.fetch("ghost", List.of("mail"), 1, Duration.ZERO).get(0).id());
        jedis.zrem(P + "workers", "ghost");

        String done = enqueue("completed", "mail", null);
        JobMessage finished = broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0);
        assertEquals(done, finished.id());
        broker.complete("w1", List.of(finished));

        // Ids without their record (pushed after every fetch above, which would otherwise fail them at once).
        ids.put("missingOnReady", JobIds.next("mail"));
        jedis.rpush(P + "ready", ids.get("missingOnReady"));
        ids.put("missingFailed", JobIds.next("mail"));
        jedis.zadd(P + "failed", clock.millis(), ids.get("missingFailed"));

        // Stale and contradicting entries.
        jedis.rpush(P + "ready", done);
        String upper = JobIds.next("mail");
        ids.put("upperCaseState", upper);
        jedis.hset(P + "job:" + upper, Map.of("name", "SendMail", "payload", "{}", "state", "QUEUED"));
        jedis.rpush(P + "ready", upper);

        // An unregistered queue and a leftover history.
        enqueue("hiddenQueue", "hidden", null);
        jedis.srem("jtc:queues", "hidden");
        jedis.rpush(P + "history:" + JobIds.next("mail"), "{}");

        clock.advance(Duration.ofSeconds(5)); // the dead worker's heartbeat is over
    }

    /** Every key of the namespace with its content, to see whether anything changed. */
    private Map<String, String> everything() {
        Map<String, String> out = new TreeMap<>();
        for (String key : jedis.keys("jtc:*")) {
            String type = jedis.type(key);
            out.put(key, type + " " + switch (type) {
                case "string" -> jedis.get(key);
                case "list" -> jedis.lrange(key, 0, -1).toString();
                case "set" -> new java.util.TreeSet<>(jedis.smembers(key)).toString();
                case "zset" -> jedis.zrangeWithScores(key, 0, -1).toString();
                case "hash" -> new TreeMap<>(jedis.hgetAll(key)).toString();
                default -> "?";
            });
        }
        return out;
    }

    private static AuditFinding finding(AuditReport report, Problem problem, String keyPart) {
        List<AuditFinding> matching = report.findings().stream()
                .filter(f -> f.problem() == problem && f.key().contains(keyPart)).toList();
        assertEquals(1, matching.size(), problem + " " + keyPart + " in " + report.findings());
        return matching.get(0);
    }

    private void assertReported(AuditReport report) {
        assertEquals("is a set, not a list", finding(report, Problem.WRONG_TYPE, "jtc:{broken}:ready").detail());
        finding(report, Problem.WRONG_TYPE, "jtc:tasks");
        finding(report, Problem.UNREGISTERED_QUEUE, "jtc:{hidden}:");
        assertEquals("its id is on the ready list but it has no record",
                finding(report, Problem.MISSING_RECORD, id("missingOnReady")).detail());
        assertEquals("its id is in the failed set but it has no record", finding(report, Problem.MISSING_RECORD, id("missingFailed")).detail());
        finding(report, Problem.DEAD_WORKER_JOBS, P + "active:dead");
        assertTrue(finding(report, Problem.DEAD_WORKER_JOBS, P + "active:ghost").detail()
                .contains("which is not in jtc:{mail}:workers: no recovery pass will ever take them back"));
        finding(report, Problem.LEFTOVER, P + "history:");
    }

    private String id(String name) {
        return ids.get(name);
    }

    @Test
    void withoutRepairItReportsEveryKindOfDamageAndChangesNothing() throws Exception {
        seedEveryKindOfDamage();
        Map<String, String> before = everything();

        AuditReport report = broker.audit().run(false);

        assertEquals(before, everything(), "nothing was written");
        assertReported(report);
        for (String orphan : List.of("queuedNowhere", "scheduledNowhere", "failedNowhere", "activeNowhere", "unknownNowhere")) {
            AuditFinding f = finding(report, Problem.ORPHAN_RECORD, id(orphan));
            assertFalse(f.repaired());
            assertTrue(f.outcome().startsWith("--repair puts it "), f.outcome());
        }
        assertEquals(2, report.findings().stream().filter(f -> f.problem() == Problem.MISSING_RECORD).count());
        assertTrue(finding(report, Problem.STATE_CONTRADICTION, id("upperCaseState")).detail().startsWith("unknown state 'QUEUED'"));
        assertTrue(finding(report, Problem.STATE_CONTRADICTION, id("completed")).detail().contains("but the job completed"));
        assertFalse(report.clean());
        assertTrue(report.findings().stream().noneMatch(AuditFinding::repaired));
        // The set's ids cannot be read as a list, so the two jobs in it are not called orphans.
        assertTrue(report.findings().stream().noneMatch(f -> f.key().contains(id("broken1"))), report.findings().toString());
    }

    @Test
    void withRepairItPutsBackWhatItSafelyCanAndSaysWhatItLeft() throws Exception {
        seedEveryKindOfDamage();

        AuditReport report = broker.audit().run(true);

        assertReported(report);
        assertTrue(finding(report, Problem.WRONG_TYPE, "jtc:{broken}:ready").outcome()
                .startsWith("repaired: set aside as jtc:{broken}:ready:corrupt"));
        assertEquals(Set.of(id("broken1"), id("broken2")), jedis.smembers("jtc:{broken}:ready:corrupt"), "kept for inspection");
        assertEquals(Set.of(id("broken1"), id("broken2")), Set.copyOf(jedis.lrange("jtc:{broken}:ready", 0, -1)),
                "its jobs are back on a ready list, from their records");
        assertTrue(jedis.sismember("jtc:queues", "hidden"));
        assertEquals(1, broker.stats().queues().stream().filter(q -> q.queue().equals("hidden")).findFirst().orElseThrow().ready(),
                "stats sees the queue again");

        List<String> ready = jedis.lrange(P + "ready", 0, -1);
        assertTrue(ready.contains(id("queuedNowhere")), ready.toString());
        assertTrue(ready.contains(id("activeNowhere")), ready.toString());
        assertTrue(ready.contains(id("deadWorkersJob")) && ready.contains(id("ghostWorkersJob")), "dead workers' jobs taken back");
        assertFalse(ready.contains(id("missingOnReady")) || ready.contains(id("completed")), ready.toString());
        assertTrue(ready.contains(id("upperCaseState")), "left for the next fetch to fail with its reason");
        assertEquals(clock.millis() - 5_000 + Duration.ofHours(1).toMillis(), jedis.zscore(P + "scheduled", id("scheduledNowhere")));
        Map<String, String> reasons = broker.failedJobs(0, 50).stream().collect(Collectors.toMap(f -> f.job().id(), FailedJob::reason));
        assertEquals("boom", reasons.get(id("failedNowhere")));
        assertTrue(reasons.get(id("unknownNowhere")).startsWith("unknown state 'new'"), reasons.toString());
        assertTrue(reasons.get(id("missingOnReady")).contains("is missing; its id was on the ready list"), reasons.toString());
        assertEquals(Optional.of(JobState.QUEUED), broker.status(id("activeNowhere")));
        assertEquals(Optional.of(JobState.COMPLETED), broker.status(id("completed")));
        assertFalse(report.clean(), "some things are left for a person");

        AuditReport again = broker.audit().run(true);

        // What is left: the failed id without a record, the state no fetch accepts, the leftovers and the copies kept aside.
        assertEquals(List.of(Problem.MISSING_RECORD, Problem.STATE_CONTRADICTION, Problem.LEFTOVER),
                again.findings().stream().map(AuditFinding::problem).distinct().sorted().toList());
        assertTrue(again.findings().stream().noneMatch(AuditFinding::repaired), again.findings().toString());
        assertTrue(again.findings().stream().noneMatch(AuditFinding::repairable), again.findings().toString());
        finding(again, Problem.MISSING_RECORD, id("missingFailed"));
        finding(again, Problem.LEFTOVER, "jtc:{broken}:ready:corrupt");
        finding(again, Problem.LEFTOVER, "jtc:tasks:corrupt");
    }

    @Test
    void aHealthyNamespaceIsClean() throws Exception {
        enqueue("a", "mail", null);
        enqueue("b", "mail", Duration.ofMinutes(5));
        broker.heartbeat(worker("w1"), Duration.ofDays(1));
        JobMessage taken = broker.fetch("w1", List.of("mail"), 1, Duration.ZERO).get(0);
        broker.fail("w1", taken, new Failure(1, clock.instant(), "boom", ""));
        enqueue("c", "mail", null);
        broker.complete("w1", broker.fetch("w1", List.of("mail"), 1, Duration.ZERO));
        enqueue("d", "mail", null);
        broker.fetch("w1", List.of("mail"), 1, Duration.ZERO);
        broker.cancel(enqueue("e", "mail", null));

        AuditReport report = broker.audit().run(true);

        assertEquals(List.of(), report.findings());
        assertTrue(report.clean());
        assertEquals(1, report.queues());
        assertEquals(4, report.jobRecords(), "the failed, scheduled, in-flight and cancelled jobs; a completed one has none");
    }
}
