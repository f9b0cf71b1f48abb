package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.RedisServerProcess;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerListener;
import dev.jtc.runtime.worker.WorkerState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that runs while Redis crashes (SIGKILL) and comes back: it reconnects with backoff
 * and carries on, nothing is lost, and no acknowledged job runs again. The worker runs in this
 * JVM, so the test counts the calls of each job's code directly: every job runs, and a job runs
 * twice only if it was in flight when Redis died (the test prints how many did). Redis keeps an
 * AOF synced on every write, as one that must not lose jobs would.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RedisWorkerOutageTest {

    private static final String JOB = "Work";
    private static final int CONCURRENCY = 4;

    private final Clock clock = Clock.systemUTC();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private RedisServerProcess server;
    private RedisBroker broker;
    private Worker worker;

    @BeforeEach
    void start() {
        server = RedisServerProcess.start(List.of("--appendonly", "yes", "--appendfsync", "always"));
        broker = RedisBroker.connect(server.url(), "jtc", clock,
                RedisBrokerOptions.defaults().withSocketTimeout(Duration.ofMillis(500)).withConnectTimeout(Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(30)), "worker did not stop");
        }
        broker.close();
        server.close();
    }

    private final JobRunner runner = new JobRunner() {
        @Override
        public void run(String name, String payload, JobContext context) throws Exception {
            calls.computeIfAbsent(context.id(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(40);
        }
    };

    private List<String> enqueue(int count) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(JobMessage.create(JobIds.next("default"), JOB, "default", "{\"n\":" + i + "}", "", clock.instant(), null, null));
        }
        broker.enqueueAll(jobs);
        return jobs.stream().map(JobMessage::id).toList();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out after " + timeout + " waiting for " + what);
            Thread.sleep(20);
        }
    }

    @Test
    void theWorkerRidesOutARedisCrashLosingNothingAndRepeatingNoAcknowledgedJob() throws Exception {
        Set<String> all = new HashSet<>(enqueue(40));
        worker = new Worker(broker, runner, List.of(new JobType(JOB, "default", 0, JobType.NO_TIMEOUT,
                JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", "")), List.of(), WorkerConfig.builder()
                .concurrency(CONCURRENCY)
                .fetchWait(Duration.ofMillis(200))
                // Alive through the outage: only a worker that stops heartbeating for 30 s is dead.
                .heartbeat(Duration.ofMillis(500), Duration.ofSeconds(30))
                .recoveryInterval(Duration.ofSeconds(1))
                .build(), clock);
        worker.addListener(new WorkerListener() {
            @Override
            public void jobStarted(JobMessage job) {
                started.add(job.id());
            }

            @Override
            public void jobCompleted(JobMessage job, Duration took) {
                acknowledged.add(job.id()); // heard only once the broker took the acknowledgement
            }
        });
        worker.start();
        await("some jobs to be acknowledged", Duration.ofSeconds(20), () -> acknowledged.size() >= 8);

        Set<String> acknowledgedBeforeOutage = Set.copyOf(acknowledged);
        server.kill();
        Thread.sleep(300); // jobs of a fetch that returned just before the crash start now
        Set<String> inFlightAtOutage = new HashSet<>(started);
        inFlightAtOutage.removeAll(acknowledgedBeforeOutage);
        Thread.sleep(1_000);
        server.startAgain();

        List<String> after = new ArrayList<>();
        for (int attempt = 0; after.isEmpty(); attempt++) {
            try {
                after.addAll(enqueue(40));
            } catch (BrokerException e) {
                // Refused while the server still loads its AOF ("LOADING"), or a connection of the old server.
                assertTrue(attempt < 50, e.getMessage());
                Thread.sleep(100);
            }
        }
        all.addAll(after);
        await("all 80 jobs to be acknowledged", Duration.ofSeconds(60), () -> acknowledged.containsAll(all));

        assertEquals(WorkerState.RUNNING, worker.state(), "the worker kept running");
        for (String id : all) {
            assertTrue(calls.containsKey(id), "job " + id + " never ran");
            assertEquals(Optional.of(JobState.COMPLETED), broker.status(id), id);
        }
        Set<String> ranTwice = calls.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        System.out.println("Redis outage with " + inFlightAtOutage.size() + " job(s) in flight: " + ranTwice.size()
                + " job(s) ran twice " + ranTwice);
        assertTrue(inFlightAtOutage.containsAll(ranTwice),
                "only jobs in flight at the outage may run twice: " + ranTwice + " vs in flight " + inFlightAtOutage);
        assertTrue(ranTwice.stream().noneMatch(acknowledgedBeforeOutage::contains), "an acknowledged job ran again");
        assertTrue(calls.values().stream().allMatch(n -> n.get() <= 2), "no job ran more than twice: " + calls);
        assertEquals(List.of(), broker.failedJobs(0, 10));
        assertEquals(80, broker.stats().processed(), "every job was counted once as processed");
    }
}
