package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The Redis runtime under real failures: worker processes (separate JVMs running the real
 * {@code Worker} on a {@link RedisBroker}) killed with SIGKILL mid-batch, stopped with SIGTERM with
 * long jobs in flight, racing each other for scheduled ticks, and running while Redis crashes and
 * comes back. Redis keeps an AOF synced on every write, as one that must not lose jobs would.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RedisWorkerProcessTest {

    private static RedisServerProcess server;
    private final Clock clock = Clock.systemUTC();
    private final List<WorkerProcess> workers = new ArrayList<>();
    private RedisBroker broker;
    private Jedis jedis;

    @TempDir
    Path logs;

    @BeforeAll
    static void startRedis() {
        server = RedisServerProcess.start(List.of("--appendonly", "yes", "--appendfsync", "always"));
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @BeforeEach
    void connect() {
        broker = RedisBroker.connect(server.url(), "jtc", clock);
        jedis = new Jedis("127.0.0.1", server.port());
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
        broker.close();
        jedis.close();
        try (Jedis flush = new Jedis("127.0.0.1", server.port())) {
            flush.flushAll();
        }
    }

    private WorkerProcess startWorker(String id, WorkerProcess.Settings settings) throws InterruptedException {
        WorkerProcess worker = WorkerProcess.start(server.url(), "jtc", id, settings, logs);
        workers.add(worker);
        return worker.awaitReady(Duration.ofSeconds(30));
    }

    private List<JobMessage> enqueueSleeps(int count, long millis) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(JobMessage.create(JobIds.next("default"), TestWorkerMain.SLEEP, "default", "{\"ms\":" + millis + "}", "",
                    clock.instant(), null, null));
        }
        broker.enqueueAll(jobs);
        return jobs;
    }

    private List<String> recorded(String list) {
        return jedis.lrange(list, 0, -1);
    }

    private static Map<String, Long> counts(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting()));
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                StringBuilder logText = new StringBuilder();
                workers.forEach(w -> logText.append("\n--- worker log ---\n").append(w.log()));
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + logText);
            }
            Thread.sleep(50);
        }
    }

    private static List<String> ids(List<JobMessage> jobs) {
        return jobs.stream().map(JobMessage::id).toList();
    }

    @Test
    void jobsOfAWorkerKilledMidBatchAreRecoveredWithinTheTtlAndNothingRunsTwiceButThem() throws Exception {
        WorkerProcess.Settings settings = new WorkerProcess.Settings(4, 500, 2_000, 1_000, 5_000, false);
        List<JobMessage> jobs = enqueueSleeps(12, 1_000);
        WorkerProcess doomed = startWorker("doomed", settings);
        await("the first batch to start", Duration.ofSeconds(30), () -> recorded("test:started").size() >= 4);

        doomed.kill();
        long killedAt = System.nanoTime();
        Set<String> inFlightAtDeath = new HashSet<>(recorded("test:started"));
        recorded("test:done").forEach(inFlightAtDeath::remove);
        assertFalse(inFlightAtDeath.isEmpty());

        startWorker("survivor", settings);
        await("the dead worker's jobs to start again", Duration.ofSeconds(30),
                () -> counts(recorded("test:started")).entrySet().stream()
                        .filter(e -> inFlightAtDeath.contains(e.getKey())).allMatch(e -> e.getValue() == 2));
        long recoveredAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        await("every job to finish", Duration.ofSeconds(60), () -> new HashSet<>(recorded("test:done")).containsAll(ids(jobs)));

        // ttl 2 s + recovery every 1 s + the survivor's JVM start; generous for a loaded machine.
        assertTrue(recoveredAfterMillis < 15_000, "recovered after " + recoveredAfterMillis + " ms");
        Map<String, Long> done = counts(recorded("test:done"));
        assertEquals(12, done.size());
        assertTrue(done.values().stream().allMatch(n -> n == 1), "every job finished exactly once: " + done);
        Set<String> startedTwice = counts(recorded("test:started")).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
        assertEquals(inFlightAtDeath, startedTwice, "only the jobs in flight at the death ran again");
        assertTrue(startedTwice.size() <= settings.concurrency());
        for (JobMessage job : jobs) {
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(job.id()));
        }
        assertEquals(List.of(), broker.failedJobs(0, 10));
    }

    @Test
    void threeWorkersTogetherHoldAConcurrencyLimitAndARateLimitFor20Seconds() throws Exception {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            jobs.add(JobMessage.create(JobIds.next("default"), TestWorkerMain.LIMITED, "default", "{\"ms\":100}", "",
                    clock.instant(), null, null));
        }
        int rated = TestWorkerMain.RATE * 20;
        for (int i = 0; i < rated; i++) {
            jobs.add(JobMessage.create(JobIds.next("default"), TestWorkerMain.RATED, "default", "{}", "", clock.instant(), null, null));
        }
        broker.enqueueAll(jobs);
        WorkerProcess.Settings settings = new WorkerProcess.Settings(4, 500, 5_000, 1_000, 5_000, false);
        for (String id : List.of("limits-1", "limits-2", "limits-3")) {
            startWorker(id, settings);
        }

        await("every job to finish", Duration.ofSeconds(90), () -> recorded("test:done").size() >= jobs.size());

        Map<String, Long> done = counts(recorded("test:done"));
        assertEquals(jobs.size(), done.size());
        assertTrue(done.values().stream().allMatch(n -> n == 1), "every job ran once");
        assertEquals(Integer.toString(TestWorkerMain.MAX_CONCURRENCY), jedis.get("test:mostRunning"),
                "12 slots over 3 workers, yet never more than the limit at once, and the limit reached");
        List<Long> starts = recorded("test:rated").stream().map(Long::parseLong).sorted().toList();
        assertEquals(rated, starts.size());
        // The window is counted when the worker admits a start, and the job writes its time a moment
        // later: 25 ms allows for that moment on a loaded machine, not for a start too many.
        long window = TestWorkerMain.RATE_WINDOW.toMillis();
        for (int i = TestWorkerMain.RATE; i < starts.size(); i++) {
            long apart = starts.get(i) - starts.get(i - TestWorkerMain.RATE);
            assertTrue(apart >= window - 25, (TestWorkerMain.RATE + 1) + " starts within " + apart + " ms, at " + i);
        }
        long took = starts.get(starts.size() - 1) - starts.get(0);
        assertTrue(took >= (rated / TestWorkerMain.RATE - 1) * window - 25, rated + " rated starts took only " + took + " ms");
        for (JobMessage job : jobs) {
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(job.id()));
        }
        assertEquals(List.of(), broker.failedJobs(0, 10));
    }

    @Test
    void sigtermFinishesShortJobsAndPutsLongOnesBackWithoutSpendingAnAttempt() throws Exception {
        List<JobMessage> shortJobs = enqueueSleeps(2, 300);
        List<JobMessage> longJobs = enqueueSleeps(2, 120_000);
        WorkerProcess worker = startWorker("graceful", new WorkerProcess.Settings(4, 500, 5_000, 1_000, 2_000, false));
        await("all four jobs to start", Duration.ofSeconds(30), () -> recorded("test:started").size() == 4);

        worker.terminate();

        assertTrue(worker.awaitExit(Duration.ofSeconds(30)), "the worker stopped within its grace: " + worker.log());
        assertEquals(Set.copyOf(ids(shortJobs)), Set.copyOf(recorded("test:done")));
        for (JobMessage job : longJobs) {
            assertEquals(Optional.of(JobState.QUEUED), broker.status(job.id()), worker.log());
        }
        QueueStats queue = broker.stats().queues().stream().filter(q -> q.queue().equals("default")).findFirst().orElseThrow();
        assertEquals(List.of(2L, 0L, 0L), List.of(queue.ready(), queue.scheduled(), queue.active()));
        assertEquals(List.of(), broker.workers().stream().map(WorkerInfo::id).filter("graceful"::equals).toList(),
                "it unregistered");
        List<JobMessage> again = broker.fetch("check", List.of("default"), 10, Duration.ZERO);
        // Released in one call in the order they were fetched, they are back at the head in their old order.
        assertEquals(ids(longJobs), ids(again));
        assertEquals(List.of(1, 1), again.stream().map(JobMessage::attempt).toList());
    }

    @Test
    void threeWorkersEnqueueEveryOneSecondTickExactlyOnceFor30Seconds() throws Exception {
        WorkerProcess.Settings settings = new WorkerProcess.Settings(4, 1_000, 5_000, 2_000, 5_000, true);
        List<WorkerProcess> racing = List.of(startWorker("tick-a", settings), startWorker("tick-b", settings),
                startWorker("tick-c", settings));

        Thread.sleep(30_000);
        racing.forEach(WorkerProcess::terminate);
        for (WorkerProcess worker : racing) {
            assertTrue(worker.awaitExit(Duration.ofSeconds(30)), worker.log());
        }

        Map<Long, String> jobOfTick = new HashMap<>();
        for (String claim : recorded("test:claims")) {
            String[] parts = claim.split(" ");
            long tick = Long.parseLong(parts[0]);
            String previous = jobOfTick.put(tick, parts[1]);
            assertEquals(null, previous, "tick " + tick + " was enqueued twice");
        }
        List<Long> ticks = jobOfTick.keySet().stream().sorted().toList();
        assertTrue(ticks.size() >= 25, "only " + ticks.size() + " ticks in 30 s");
        for (int i = 1; i < ticks.size(); i++) {
            assertEquals(1_000, ticks.get(i) - ticks.get(i - 1), "no tick was lost between " + ticks.get(i - 1) + " and " + ticks.get(i));
        }
        Map<String, Long> runs = counts(recorded("test:ticks"));
        for (String job : jobOfTick.values()) {
            long ran = runs.getOrDefault(job, 0L);
            if (ran == 0) {
                // Enqueued just before the workers stopped: still waiting, not lost.
                assertEquals(Optional.of(JobState.QUEUED), broker.status(job));
            } else {
                assertEquals(1, ran, "run " + job + " ran " + ran + " times");
            }
        }
        assertTrue(runs.keySet().stream().allMatch(jobOfTick::containsValue), "every run belongs to a claimed tick");
    }

    @Test
    void aWorkerRidesOutARedisCrashAndRestartLosingNoJob() throws Exception {
        WorkerProcess.Settings settings = new WorkerProcess.Settings(4, 500, 10_000, 1_000, 5_000, false);
        List<JobMessage> before = enqueueSleeps(20, 100);
        WorkerProcess worker = startWorker("steady", settings);
        await("some jobs to finish", Duration.ofSeconds(30), () -> recorded("test:done").size() >= 5);

        server.kill();
        Thread.sleep(2_000);
        server.startAgain();
        jedis.close();
        jedis = new Jedis("127.0.0.1", server.port());

        List<JobMessage> after = new ArrayList<>();
        for (int attempt = 0; after.isEmpty(); attempt++) {
            try {
                after.addAll(enqueueSleeps(20, 100));
            } catch (BrokerException e) {
                // Refused while the restarted server still loads its AOF ("LOADING"): try again shortly.
                assertTrue(attempt < 50, e.getMessage());
                Thread.sleep(100);
            }
        }
        Set<String> all = new HashSet<>(ids(before));
        all.addAll(ids(after));
        await("all 40 jobs to finish", Duration.ofSeconds(90), () -> new HashSet<>(recorded("test:done")).containsAll(all));

        assertTrue(worker.isAlive(), "the worker kept running");
        List<String> done = recorded("test:done");
        assertTrue(done.size() <= all.size() + settings.concurrency(),
                "at most the jobs in flight at the crash ran twice: " + (done.size() - all.size()));
        await("the last acknowledgements", Duration.ofSeconds(30),
                () -> all.stream().allMatch(id -> broker.status(id).equals(Optional.of(JobState.COMPLETED))));
        assertEquals(List.of(), broker.failedJobs(0, 10));
    }
}
