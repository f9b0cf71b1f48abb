package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.BrokenKeyException;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.Jedis;

/**
 * For every script and every key it touches, that key of the wrong Redis type (and, for each
 * script that reads job records, the record missing), against a real redis-server. The table is
 * derived from the scripts' own declarations ({@link Script#keys()}, {@link Script#perJobKeys()}),
 * so a key added to a script is covered as soon as it is declared, and a new script does not
 * compile here until it has a scenario ({@link #scenario}, a switch over every script).
 *
 * <p>Each case builds the same small world: jobs ready, scheduled (due and later), in flight on a
 * live worker, in flight on a dead worker, failed and completed. It sets the key aside and puts a
 * value of another type in its place, runs the broker operation that uses the script as the worker
 * or a client would, then puts the original key back (as an operator's repair would) and checks:
 * <ul>
 *   <li>the operation either worked or was refused with a {@link BrokenKeyException} naming exactly
 *       that key (never a Lua error halfway); a declared key of the wrong type is always refused,
 *       and a refused operation changed nothing at all (the worker's own loops, fetch, recovery,
 *       reconciliation and unregistering, log the refusal and skip the queue instead of throwing:
 *       for them the test checks that nothing changed);
 *   <li>every job of the world is ready, scheduled, in flight, failed (with a reason in the
 *       failed listing) or completed, exactly once, unless the operation was meant to remove it
 *       (cancel, delete, purge) and did.
 * </ul>
 * That a live worker keeps running with such a key is {@link RedisWorkerBrokenKeysTest}.
 */
class RedisScriptKeyTypesTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static final String Q = "q";
    private static final String P = "jtc:{q}:";
    private static final String LIMIT = "concurrency:Job";
    private static final String ASIDE = "test:aside";
    private static final String MARK = "not what jtc keeps here";

    /** Scripts whose broker operation skips a refusing queue (logging it) instead of throwing: the worker's loops. */
    private static final Set<Script> SKIP_BROKEN_QUEUES = Set.of(Script.FETCH, Script.RECOVER, Script.RECONCILE, Script.UNREGISTER);

    private final ManualClock clock = ManualClock.at("2026-03-02T10:00:00Z");

    enum Damage { WRONG_TYPE, MISSING_RECORD }

    /**
     * One row of the table.
     *
     * @param key the declared key expression ({@code K.failed}, {@code active_key(ARGV[4])}) or per-job kind ({@code history})
     * @param perJob whether {@code key} is a per-job kind
     */
    record Case(Script script, String key, String type, boolean perJob, Damage damage) {
        @Override
        public String toString() {
            return script.fileName() + ": " + (damage == Damage.MISSING_RECORD ? "missing job record"
                    : (perJob ? "per-job " : "") + key + " not a " + type);
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Script script : Script.values()) {
            script.keys().forEach(k -> out.add(new Case(script, k.key(), k.type(), false, Damage.WRONG_TYPE)));
            for (Script.DeclaredKey k : script.perJobKeys()) {
                if (!k.type().equals("any")) {
                    out.add(new Case(script, k.key(), k.type(), true, Damage.WRONG_TYPE));
                }
                if (k.key().equals("job") && readsAnExistingJob(script)) {
                    out.add(new Case(script, "job", "hash", true, Damage.MISSING_RECORD));
                }
            }
        }
        return out.stream();
    }

    private static boolean readsAnExistingJob(Script script) {
        return script != Script.ENQUEUE && script != Script.CLAIM_TICK;
    }

    // --- the world ------------------------------------------------------------------------------

    private RedisBroker broker;
    private Jedis jedis;
    private final Map<String, JobMessage> world = new LinkedHashMap<>();
    private final Map<String, JobMessage> fetched = new HashMap<>();

    private JobMessage job(String name, String uniqueKey, Duration delay) {
        Instant runAt = delay == null ? null : clock.instant().plus(delay);
        return JobMessage.create(JobIds.next(Q), name, Q, "{}", "", clock.instant(), runAt, uniqueKey);
    }

    private WorkerInfo worker(String id) {
        return new WorkerInfo(id, "host", 1, List.of(Q), 4, clock.instant(), clock.instant());
    }

    private void buildWorld() throws InterruptedException {
        broker = redis.broker("jtc", clock);
        jedis = redis.jedis();
        JobMessage deadJob = job("Dead", null, null);
        broker.enqueue(deadJob);
        broker.heartbeat(worker("dead"), Duration.ofSeconds(1));
        remember("deadJob", deadJob, broker.fetch("dead", List.of(Q), 1, Duration.ZERO));

        JobMessage held = job("Held", "u-held", null);
        JobMessage held2 = job("Held", null, null);
        JobMessage done = job("Done", null, null);
        JobMessage failed = job("Failed", "u-failed", null);
        broker.enqueueAll(List.of(held, held2, done, failed));
        broker.heartbeat(worker("w1"), Duration.ofDays(1));
        List<JobMessage> taken = broker.fetch("w1", List.of(Q), 4, Duration.ZERO);
        remember("held", held, taken);
        remember("held2", held2, taken);
        remember("done", done, taken);
        remember("failed", failed, taken);
        broker.complete("w1", List.of(fetched.get("done")));
        broker.fail("w1", fetched.get("failed"), failure("boom"));

        JobMessage ready1 = job("Ready", null, null);
        JobMessage ready2 = job("Ready", "u-ready", null);
        JobMessage due = job("Due", null, Duration.ofSeconds(1));
        JobMessage later = job("Later", null, Duration.ofHours(1));
        broker.enqueueAll(List.of(ready1, ready2, due, later));
        world.put("ready1", ready1);
        world.put("ready2", ready2);
        world.put("due", due);
        world.put("later", later);
        clock.advance(Duration.ofSeconds(2)); // the dead worker's heartbeat is over, "due" is due
    }

    private void remember(String name, JobMessage job, List<JobMessage> taken) {
        world.put(name, job);
        taken.stream().filter(j -> j.id().equals(job.id())).forEach(j -> fetched.put(name, j));
    }

    private Failure failure(String reason) {
        return new Failure(1, clock.instant(), reason, "");
    }

    private String id(String name) {
        return world.get(name).id();
    }

    // --- one scenario per script ---------------------------------------------------------------

    /** What an operation did: whether it removed the jobs it exists to remove (cancel, delete, purge). */
    @FunctionalInterface
    interface Operation {
        boolean run() throws Exception;
    }

    /**
     * How one script is run.
     *
     * @param argv4 the value of ARGV[4] (the worker or task the script is called for), for keys derived from it
     * @param perJobId the job whose per-job keys a per-job case damages; null if none
     * @param perJobWorker the worker whose in-flight set is a per-job key of the script (recovery, statistics)
     * @param removes the world's jobs the operation is meant to remove when it returns true
     * @param newJob a job the operation enqueues, or null
     * @param orphaned the world's jobs the scenario took out of every list and set itself, for the
     *     operation to put back: they may stay nowhere when it did not (refused, or had no record to go by)
     */
    record Scenario(String argv4, String perJobId, String perJobWorker, Set<String> removes, JobMessage newJob, Operation run,
            Set<String> orphaned) {

        Scenario(String argv4, String perJobId, String perJobWorker, Set<String> removes, JobMessage newJob, Operation run) {
            this(argv4, perJobId, perJobWorker, removes, newJob, run, Set.of());
        }
    }

    private Scenario scenario(Script script) {
        return switch (script) {
            case ENQUEUE -> {
                JobMessage fresh = job("Fresh", "u-fresh", null);
                yield new Scenario(null, fresh.id(), null, Set.of(), fresh, () -> {
                    broker.enqueue(fresh);
                    return false;
                });
            }
            case FETCH -> new Scenario("w1", id("ready1"), null, Set.of(), null, () -> {
                broker.fetch("w1", List.of(Q), 10, Duration.ZERO);
                return false;
            });
            case COMPLETE -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                broker.complete("w1", List.of(fetched.get("held")));
                return false;
            });
            case RETRY -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                broker.retry("w1", fetched.get("held"), failure("try again"), clock.instant().plusSeconds(60));
                return false;
            });
            case FAIL -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                broker.fail("w1", fetched.get("held"), failure("gave up"));
                return false;
            });
            case RELEASE -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                broker.release("w1", List.of(fetched.get("held"), fetched.get("held2")));
                return false;
            });
            case POSTPONE -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                broker.postpone("w1", fetched.get("held"), clock.instant().plusSeconds(30));
                return false;
            });
            // The limit scripts touch only their limit's key, never a job: ARGV[4] names which key.
            case LEASE -> new Scenario("lease", null, null, Set.of(), null, () -> {
                broker.acquireLease(LIMIT, "holder", 1, Duration.ofSeconds(15));
                return false;
            });
            case RATE -> new Scenario("rate", null, null, Set.of(), null, () -> {
                broker.acquireRate(LIMIT, "holder", 1, Duration.ofSeconds(1));
                return false;
            });
            case RECOVER -> new Scenario(null, id("deadJob"), "dead", Set.of(), null, () -> {
                broker.recoverDeadWorkers(3);
                return false;
            });
            case RECONCILE -> new Scenario("w1", id("held"), null, Set.of(), null, () -> {
                // A second process serving w1 knows none of its jobs, as after a lost fetch reply.
                RedisBroker other = redis.broker("jtc", clock);
                other.simulateLostFetchReply("w1");
                other.fetch("w1", List.of(Q), 1, Duration.ZERO);
                return false;
            });
            case UNREGISTER -> new Scenario("w1", null, null, Set.of(), null, () -> {
                broker.unregister("w1");
                return false;
            });
            case CANCEL -> new Scenario(null, id("ready1"), null, Set.of("ready1"), null, () -> broker.cancel(id("ready1")));
            case CLAIM_TICK -> {
                JobMessage run = JobMessage.create(JobIds.next(Q), "Tick.every", Q, "{}", "", clock.instant(), null, null);
                yield new Scenario("Tick.every", run.id(), null, Set.of(), run, () -> {
                    broker.claimTick("Tick.every", clock.instant(), run, false);
                    return false;
                });
            }
            case RETRY_FAILED -> new Scenario(null, id("failed"), null, Set.of(), null, () -> broker.retryFailed(id("failed")));
            case DELETE_FAILED -> new Scenario(null, id("failed"), null, Set.of("failed"), null,
                    () -> broker.deleteFailed(id("failed")));
            case PURGE_FAILED -> new Scenario(null, id("failed"), null, Set.of("failed"), null, () -> broker.purgeFailed() > 0);
            case PAUSE -> new Scenario(null, null, null, Set.of(), null, () -> {
                broker.pause(Q);
                broker.resume(Q);
                return false;
            });
            // ready1 heads the ready list: its record says since when the queue's oldest ready job waits.
            case QUEUE_STATS -> new Scenario(null, id("ready1"), "w1", Set.of(), null, () -> {
                lastStats = broker.stats();
                return false;
            });
            case REPAIR -> {
                // ready1 is made an orphan (its record says queued, no list holds it): check --repair puts it back.
                jedis.lrem(P + "ready", 0, id("ready1"));
                yield new Scenario(null, id("ready1"), null, Set.of(), null,
                        () -> broker.audit().repairJob(Q, "put_back", id("ready1"), ""), Set.of("ready1"));
            }
        };
    }

    private BrokerStats lastStats;

    /** The Redis key a case damages. */
    private static String keyOf(Case c, Scenario s) {
        if (c.perJob()) {
            return switch (c.key()) {
                case "job" -> P + "job:" + s.perJobId();
                case "history" -> P + "history:" + s.perJobId();
                case "active" -> P + "active:" + s.perJobWorker();
                default -> throw new AssertionError("no per-job key '" + c.key() + "' is known to this test: teach it");
            };
        }
        if (c.key().startsWith("K.")) {
            return P + c.key().substring(2);
        }
        return switch (c.key()) {
            case "active_key(ARGV[4])" -> P + "active:" + s.argv4();
            case "task_key(ARGV[4])" -> P + "task:" + s.argv4();
            case "limit_key(ARGV[4])" -> "jtc:limit:{" + LIMIT + "}:" + s.argv4();
            default -> throw new AssertionError("no key expression '" + c.key() + "' is known to this test: teach it");
        };
    }

    // --- the test ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyJobIsInOnePlaceWhateverTheKeyHolds(Case c) throws Exception {
        buildWorld();
        Scenario scenario = scenario(c.script());
        String key = keyOf(c, scenario);
        Map<String, Object> before = snapshot(scenario);

        if (c.damage() == Damage.MISSING_RECORD) {
            jedis.del(key);
        } else {
            breakKey(key, c.type());
        }
        boolean removed = false;
        BrokenKeyException refused = null;
        try {
            removed = scenario.run().run();
        } catch (BrokenKeyException e) {
            refused = e;
        } catch (Exception e) {
            throw new AssertionError(c + ": the operation failed otherwise than by refusing the key", e);
        }
        if (c.damage() == Damage.WRONG_TYPE) {
            restoreKey(key);
        }

        if (c.damage() == Damage.WRONG_TYPE && !c.perJob() && !c.script().reportsBrokenKeys()) {
            if (SKIP_BROKEN_QUEUES.contains(c.script())) {
                // The broker logs the refusal and goes on with the other queues: here there is no other.
                assertEquals(before, snapshot(scenario), c + ": a refused script changed something");
            } else {
                assertTrue(refused != null, c + ": a declared key of the wrong type must be refused");
            }
        }
        if (refused != null) {
            assertEquals(c.damage(), Damage.WRONG_TYPE, c + ": refused " + refused.getMessage());
            assertEquals(new BrokenKey(key, c.type(), c.type().equals("string") ? "list" : "string"), refused.brokenKey(),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains(key), refused.getMessage());
            assertEquals(before, snapshot(scenario), c + ": a refused operation changed something");
        }
        if (c.script().reportsBrokenKeys() && c.damage() == Damage.WRONG_TYPE) {
            assertTrue(lastStats.brokenKeys().contains(new BrokenKey(key, c.type(), "string")), lastStats.brokenKeys().toString());
        }
        assertEveryJobInExactlyOnePlace(c, scenario, removed ? scenario.removes() : Set.of(), refused == null,
                removed ? Set.of() : scenario.orphaned());
    }

    private void breakKey(String key, String type) {
        if (jedis.exists(key)) {
            jedis.rename(key, ASIDE);
        }
        if (type.equals("string")) {
            jedis.rpush(key, MARK);
        } else {
            jedis.set(key, MARK);
        }
    }

    /** Puts the original back if our value is still there (a script may have set it aside itself). */
    private void restoreKey(String key) {
        String type = jedis.type(key);
        boolean ours = type.equals("string") ? MARK.equals(jedis.get(key))
                : type.equals("list") && jedis.lrange(key, 0, -1).equals(List.of(MARK));
        if (ours) {
            jedis.del(key);
            if (jedis.exists(ASIDE)) {
                jedis.rename(ASIDE, key);
            }
        }
    }

    /** Where every id is, with the jobs' records and histories, and the unique keys and counters. */
    private Map<String, Object> snapshot(Scenario scenario) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, List<String>> place : places().entrySet()) {
            out.put("place " + place.getKey(), place.getValue());
        }
        List<String> ids = new ArrayList<>(world.values().stream().map(JobMessage::id).toList());
        if (scenario.newJob() != null) {
            ids.add(scenario.newJob().id());
        }
        for (String id : ids) {
            String type = jedis.type(P + "job:" + id);
            out.put("record " + id, type.equals("hash") ? new TreeMap<>(jedis.hgetAll(P + "job:" + id)) : type);
            String history = jedis.type(P + "history:" + id);
            out.put("history " + id, history.equals("list") ? jedis.lrange(P + "history:" + id, 0, -1) : history);
        }
        for (String k : List.of("unique", "stats", "workers")) {
            String type = jedis.type(P + k);
            out.put(k, type.equals("hash") ? new TreeMap<>(jedis.hgetAll(P + k))
                    : type.equals("zset") ? jedis.zrangeWithScores(P + k, 0, -1).toString() : type);
        }
        return out;
    }

    /** Place → the ids in it, in order: the ready list, the scheduled, failed and completed sets, each in-flight set. */
    private Map<String, List<String>> places() {
        Map<String, List<String>> out = new TreeMap<>();
        out.put("ready", jedis.type(P + "ready").equals("list") ? jedis.lrange(P + "ready", 0, -1) : List.of());
        for (String zset : List.of("scheduled", "failed", "completed")) {
            out.put(zset, jedis.type(P + zset).equals("zset") ? jedis.zrange(P + zset, 0, -1) : List.of());
        }
        for (String active : jedis.keys(P + "active:*")) {
            if (jedis.type(active).equals("zset")) {
                out.put(active.substring(P.length()), jedis.zrange(active, 0, -1));
            }
        }
        return out;
    }

    private void assertEveryJobInExactlyOnePlace(Case c, Scenario scenario, Set<String> removed, boolean ran, Set<String> orphaned) {
        Map<String, List<String>> places = places();
        Map<String, List<String>> whereIs = new HashMap<>();
        places.forEach((place, ids) -> ids.forEach(id -> whereIs.computeIfAbsent(id, x -> new ArrayList<>()).add(place)));
        Map<String, String> failedReasons = broker.failedJobs(0, 100).stream()
                .collect(Collectors.toMap(f -> f.job().id(), FailedJob::reason));
        for (Map.Entry<String, JobMessage> job : world.entrySet()) {
            List<String> where = whereIs.getOrDefault(job.getValue().id(), List.of());
            if (removed.contains(job.getKey())) {
                assertEquals(List.of(), where, c + ": job " + job.getKey() + " was removed on purpose; " + places);
                continue;
            }
            if (orphaned.contains(job.getKey()) && where.isEmpty()) {
                continue;
            }
            assertEquals(1, where.size(), c + ": job " + job.getKey() + " is in " + where + "; " + places);
            if (where.get(0).equals("failed")) {
                String reason = failedReasons.get(job.getValue().id());
                assertTrue(reason != null && !reason.isBlank(), c + ": job " + job.getKey() + " failed without a reason");
            }
        }
        JobMessage fresh = scenario.newJob();
        if (fresh != null) {
            List<String> where = whereIs.getOrDefault(fresh.id(), List.of());
            if (ran) {
                assertEquals(List.of("ready"), where, c + ": the new job");
            } else {
                assertEquals(List.of(), where, c + ": the refused new job");
                assertFalse(jedis.type(P + "job:" + fresh.id()).equals("hash"), c + ": the refused new job left a record");
            }
        }
    }

    /** Not a case: the table really covers every script and every declared key. */
    @org.junit.jupiter.api.Test
    void theTableCoversEveryScriptAndEveryDeclaredKey() {
        List<Case> all = cases().toList();
        for (Script script : Script.values()) {
            long declared = script.keys().size() + script.perJobKeys().stream().filter(k -> !k.type().equals("any")).count();
            long rows = all.stream().filter(c -> c.script() == script && c.damage() == Damage.WRONG_TYPE).count();
            assertEquals(declared, rows, script.fileName());
        }
        assertTrue(all.size() > 80, "only " + all.size() + " cases");
    }
}
