package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Chaos, bounded: 3,000 no-op jobs, and a worker JVM (a real separate process) killed with SIGKILL
 * four times while it works through them, a new one started after each kill, as a supervisor
 * would. Right after each kill the test reads which jobs the dead worker held (its in-flight set
 * in Redis, which nothing changes until recovery). At the end: every job is completed exactly once
 * in Redis and in no other place, every job ran at least once, and the only jobs that ran more
 * than once are among those held by a worker at the moment it was killed.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisWorkerChaosTest {

    private static final int JOBS = 3_000;
    private static final int KILLS = 4;
    private static final String P = "jtc:{default}:";

    private static RedisServerProcess server;
    private final Clock clock = Clock.systemUTC();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private RedisBroker broker;
    private Jedis jedis;

    @TempDir
    Path logs;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (jedis != null) {
            jedis.close();
        }
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder text = new StringBuilder();
                workers.forEach(w -> text.append("\n--- worker log ---\n").append(w.log()));
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + text);
            }
            Thread.sleep(20);
        }
    }

    private long distinctDone() {
        return new HashSet<>(jedis.lrange("test:done", 0, -1)).size();
    }

    @Test
    void fourSigkillsDuringThreeThousandJobsLoseNothingAndRepeatOnlyWhatWasInFlight() throws Exception {
        broker = RedisBroker.connect(server.url(), "jtc", clock);
        jedis = new Jedis("127.0.0.1", server.port());
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            jobs.add(JobMessage.create(JobIds.next("default"), TestWorkerMain.SLEEP, "default", "{\"ms\":0}", "", clock.instant(),
                    null, null));
        }
        broker.enqueueAll(jobs);
        Set<String> all = jobs.stream().map(JobMessage::id).collect(Collectors.toSet());
        // Short heartbeats so that recovery comes quickly; a job may be taken back up to once per kill.
        WorkerProcess.Settings settings = new WorkerProcess.Settings(8, 400, 2_000, 500, 5_000, false, 100);

        Set<String> heldAtAKill = new HashSet<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            String id = "chaos-" + kill;
            WorkerProcess worker = WorkerProcess.start(server.url(), "jtc", id, settings, logs);
            workers.add(worker);
            worker.awaitReady(Duration.ofSeconds(30));
            long target = Math.min(JOBS, (long) kill * JOBS / (KILLS + 1));
            await(target + " jobs done before kill " + kill, Duration.ofSeconds(30), () -> distinctDone() >= target);
            worker.kill();
            // Nothing touches a dead worker's in-flight set until a recovery pass takes it back.
            heldAtAKill.addAll(jedis.zrange(P + "active:" + id, 0, -1));
        }
        WorkerProcess last = WorkerProcess.start(server.url(), "jtc", "chaos-last", settings, logs);
        workers.add(last);
        last.awaitReady(Duration.ofSeconds(30));
        await("every job to be completed in Redis", Duration.ofSeconds(45),
                () -> jedis.zcard(P + "completed") == JOBS && jedis.llen(P + "ready") == 0);

        // Exactly one place each: the completed set; nothing ready, scheduled, failed or in flight.
        assertEquals(all, new HashSet<>(jedis.zrange(P + "completed", 0, -1)));
        assertEquals(0, jedis.zcard(P + "scheduled"));
        assertEquals(0, jedis.zcard(P + "failed"));
        for (String active : jedis.keys(P + "active:*")) {
            assertEquals(0, jedis.zcard(active), active + " still holds jobs");
        }
        assertEquals(Set.of(), new TreeSet<>(jedis.keys(P + "job:*")), "a completed job's record is deleted");

        List<String> done = jedis.lrange("test:done", 0, -1);
        assertTrue(new HashSet<>(done).containsAll(all), "every job ran at least once");
        Map<String, Long> starts = jedis.lrange("test:started", 0, -1).stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        Set<String> repeated = starts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> unexplained = new TreeSet<>(repeated);
        unexplained.removeAll(heldAtAKill);
        assertEquals(Set.of(), unexplained, "jobs that ran twice without being in flight at a kill");
        // (Its in-flight set also holds jobs that finished but were not acknowledged yet: it can exceed the concurrency.)
        assertTrue(!heldAtAKill.isEmpty(), "the kills struck workers holding jobs");
        System.out.println("chaos: " + heldAtAKill.size() + " jobs held at the kills, " + repeated.size() + " ran twice");
        assertTrue(last.isAlive());
    }
}
