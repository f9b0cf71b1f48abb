package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerState;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * A real {@link Worker} on Redis listening to nine queues, each with one of its keys of the wrong
 * type, listed before a healthy queue (as {@code --queues broken,work} would): the worker keeps
 * running, runs every job of the healthy queue, names each broken key in one log line (not once
 * per poll), leaves the broken queues' jobs where they are, and once the keys are repaired runs
 * them all, exactly once each. One queue's broken key ({@code stats}) lets its jobs be fetched and
 * run but refuses their acknowledgement, which the worker keeps and sends again after the repair.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisWorkerBrokenKeysTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    /** Queue → the key of it that is broken. */
    private static final Map<String, String> BROKEN = new LinkedHashMap<>();

    static {
        for (String key : List.of("ready", "scheduled", "signal", "failed", "unique", "workers", "completed", "stats")) {
            BROKEN.put("b-" + key, "jtc:{b-" + key + "}:" + key);
        }
        BROKEN.put("b-active", "jtc:{b-active}:active:w-broken");
    }

    private final Clock clock = Clock.systemUTC();
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private RedisBroker broker;
    private Jedis jedis;
    private Worker worker;

    @BeforeEach
    void captureTheLog() {
        originalErr = System.err;
        OutputStream both = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (log) {
                    log.write(b);
                }
                originalErr.write(b);
            }
        };
        System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
        broker = redis.broker("jtc", clock);
        jedis = redis.jedis();
    }

    @AfterEach
    void stop() throws InterruptedException {
        try {
            if (worker != null) {
                worker.shutdown(Duration.ZERO);
                assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
            }
        } finally {
            System.setErr(originalErr);
        }
    }

    private String logText() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }

    private List<JobMessage> enqueue(String queue, int count, boolean delayed) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(JobMessage.create(JobIds.next(queue), "Ok", queue, "{}", "", clock.instant(),
                    delayed ? clock.instant().minusSeconds(1) : null, "u-" + queue + "-" + i));
        }
        // A delayed job whose time has come is still in the scheduled set until a fetch promotes it.
        if (delayed) {
            List<JobMessage> later = jobs.stream().map(j -> j.withRunAt(clock.instant().plusMillis(300))).toList();
            broker.enqueueAll(later);
            return later;
        }
        broker.enqueueAll(jobs);
        return jobs;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    private long mentions(String text) {
        return logText().lines().filter(line -> line.contains(text)).count();
    }

    @Test
    void brokenQueuesAreSkippedNamedOnceAndCarryOnAfterTheRepair() throws Exception {
        Map<String, List<JobMessage>> jobs = new LinkedHashMap<>();
        for (String queue : BROKEN.keySet()) {
            jobs.put(queue, enqueue(queue, 3, queue.equals("b-scheduled")));
        }
        jobs.put("work", enqueue("work", 20, false));
        for (String key : BROKEN.values()) {
            if (jedis.exists(key)) {
                jedis.rename(key, key + ":aside");
            }
            jedis.set(key, "garbage");
        }
        Thread.sleep(350); // the delayed jobs of b-scheduled come due

        List<String> queues = new ArrayList<>(BROKEN.keySet());
        queues.add("work");
        // b-stats: fetching does not need the stats hash, completing does: its jobs run, and their
        // acknowledgement is refused and kept until the repair.
        JobRunner runner = (name, payload, context) -> runs.merge(context.id(), 1, Integer::sum);
        worker = new Worker(broker, runner, List.of(new JobType("Ok", "work", 0, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE,
                JobType.DEFAULT_BACKOFF_CAP, "", "")), List.of(), WorkerConfig.builder().workerId("w-broken")
                .queues(queues).concurrency(4).fetchWait(Duration.ofMillis(100)).build(), clock);
        worker.start();

        await("every job of the healthy queue and of b-stats to run", Duration.ofSeconds(20),
                () -> jobs.get("work").stream().allMatch(j -> broker.status(j.id()).map(s -> s.name().equals("COMPLETED")).orElse(false))
                        && jobs.get("b-stats").stream().allMatch(j -> runs.containsKey(j.id())));
        // Let the broken queues be refused a few times (the retries back off: 1 s, 2 s, ...).
        Thread.sleep(3_200);

        assertEquals(WorkerState.RUNNING, worker.state(), "the worker keeps running");
        for (Map.Entry<String, String> broken : BROKEN.entrySet()) {
            String named = "Redis key " + broken.getValue() + " is a string, not a";
            assertEquals(1, mentions(named), "one log line names " + broken.getValue() + ":\n" + logText());
            for (JobMessage job : jobs.get(broken.getKey())) {
                if (!broken.getKey().equals("b-stats")) {
                    assertEquals(null, runs.get(job.id()), "a job of a broken queue ran: " + job.id());
                }
            }
        }
        assertTrue(broker.stats().brokenKeys().size() >= 6, broker.stats().brokenKeys().toString());

        // The operator repairs the keys (here: puts the originals back).
        for (String key : BROKEN.values()) {
            jedis.del(key);
            if (jedis.exists(key + ":aside")) {
                jedis.rename(key + ":aside", key);
            }
        }
        await("every job of every queue to complete", Duration.ofSeconds(40), () -> jobs.values().stream().flatMap(List::stream)
                .allMatch(j -> broker.status(j.id()).map(s -> s.name().equals("COMPLETED")).orElse(false)));

        assertEquals(WorkerState.RUNNING, worker.state());
        jobs.values().stream().flatMap(List::stream).forEach(j -> assertEquals(1, runs.get(j.id()), "runs of " + j.id()));
        assertEquals(List.of(), broker.failedJobs(0, 10));
        assertEquals(List.of(), broker.stats().brokenKeys());
        assertTrue(mentions("works again") >= 1, logText());
    }
}
