package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.CompletedJob;
import dev.jtc.runtime.broker.HistoryResolution;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.ThroughputBucket;
import dev.jtc.runtime.broker.WorkerInfo;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * What an operator sees of a real {@link Worker} on Redis: a pause holds its jobs back at once
 * while other queues run on, resume releases them without waiting out a poll, the heartbeat says
 * which jobs run, and the history and recent completions count what ran. A broken history bucket
 * or recent list (advisory keys) costs a line of history, never a job.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisWorkerObservabilityTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private static final List<JobType> TYPES = List.of(
            new JobType("Ok", "mail", 1, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(5), "", ""));

    private final Clock clock = Clock.systemUTC();
    private final Set<String> ran = ConcurrentHashMap.newKeySet();
    private RedisBroker broker;
    private Worker worker;

    @BeforeEach
    void connect() {
        broker = redis.broker("jtc", clock);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
        }
    }

    private void start(JobRunner runner) {
        // A long fetch wait: resume must wake the blocked worker, not its next poll.
        worker = new Worker(broker, runner, TYPES, List.of(), WorkerConfig.builder().workerId("w-obs")
                .queues(List.of("mail", "default")).concurrency(4).fetchWait(Duration.ofSeconds(30))
                .heartbeat(Duration.ofMillis(200), Duration.ofSeconds(3)).build(), clock);
        worker.start();
    }

    private List<JobMessage> enqueue(String queue, int count) {
        List<JobMessage> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jobs.add(JobMessage.create(JobIds.next(queue), "Ok", queue, "{}", "", clock.instant(), null, null));
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

    private boolean allRan(List<JobMessage> jobs) {
        return jobs.stream().allMatch(j -> ran.contains(j.id()));
    }

    @Test
    void aPausedQueueWaitsWhileTheOthersRunAndResumeReleasesItAtOnce() throws Exception {
        broker.pause("mail");
        start((name, payload, context) -> ran.add(context.id()));
        List<JobMessage> mail = enqueue("mail", 5);
        List<JobMessage> other = enqueue("default", 5);

        await("the jobs of the queue that is not paused", Duration.ofSeconds(10), () -> allRan(other));
        Thread.sleep(500); // a worker that ignored the pause would have taken the mail jobs meanwhile
        assertTrue(mail.stream().noneMatch(j -> ran.contains(j.id())), "nothing of the paused queue ran");
        assertEquals(5, broker.stats().queues().stream().filter(q -> q.queue().equals("mail")).findFirst().orElseThrow().ready());

        long resumedAt = System.nanoTime();
        broker.resume("mail");
        await("the paused queue's jobs after resume", Duration.ofSeconds(10), () -> allRan(mail));
        assertTrue(System.nanoTime() - resumedAt < TimeUnit.SECONDS.toNanos(10), "woken, not polled after the 30 s fetch wait");
    }

    @Test
    void theHeartbeatSaysWhatRunsAndTheHistoryCountsWhatRan() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start((name, payload, context) -> {
            if (context.id().startsWith("slow")) {
                release.await(20, TimeUnit.SECONDS);
            }
            ran.add(context.id());
        });
        JobMessage slow = JobMessage.create("slow-1@mail", "Ok", "mail", "{}", "", clock.instant(), null, null);
        broker.enqueue(slow);
        await("the heartbeat to list the running job", Duration.ofSeconds(10), () -> broker.workers().stream()
                .flatMap(w -> w.running().stream()).anyMatch(s -> s.jobId().equals(slow.id())));
        WorkerInfo info = broker.workers().stream().filter(w -> w.id().equals("w-obs")).findFirst().orElseThrow();
        BusySlot slot = info.running().get(0);
        assertEquals(List.of("Ok", "mail"), List.of(slot.name(), slot.queue()));
        assertEquals(3, info.idleSlots());

        release.countDown();
        List<JobMessage> quick = enqueue("mail", 20);
        await("every job", Duration.ofSeconds(10), () -> allRan(quick) && ran.contains(slow.id()));
        await("the acknowledgements", Duration.ofSeconds(10), () -> broker.recentCompleted(0, 100).size() == 21);

        Instant now = clock.instant();
        long processed = broker.history(HistoryResolution.MINUTE, now.minusSeconds(120), now).stream()
                .mapToLong(ThroughputBucket::processed).sum();
        assertEquals(21, processed);
        CompletedJob slowDone = broker.recentCompleted(0, 100).stream().filter(c -> c.id().equals(slow.id())).findFirst()
                .orElseThrow();
        assertTrue(slowDone.startedAt() != null && !slowDone.completedAt().isBefore(slowDone.startedAt()), slowDone.toString());
    }

    @Test
    void withHistoryOffNothingIsCountedOrListedButEveryJobCompletes() throws Exception {
        broker = redis.broker("jtc", clock, RedisBrokerOptions.defaults().withHistory(false));
        start((name, payload, context) -> {
            if (context.attempt() == 1 && context.id().startsWith("flaky")) {
                throw new IllegalStateException("first attempt fails");
            }
            ran.add(context.id());
        });
        List<JobMessage> jobs = enqueue("mail", 10);
        JobMessage flaky = JobMessage.create("flaky-1@mail", "Ok", "mail", "{}", "", clock.instant(), null, null);
        broker.enqueue(flaky);

        await("every job", Duration.ofSeconds(20), () -> allRan(jobs) && ran.contains(flaky.id()));
        await("every job completed", Duration.ofSeconds(10), () -> broker.stats().processed() == 11);
        Instant now = clock.instant();
        assertEquals(List.of(0L, 0L), List.of(
                broker.history(HistoryResolution.DAY, now, now).get(0).processed(),
                broker.history(HistoryResolution.DAY, now, now).get(0).failed()));
        assertEquals(List.of(), broker.recentCompleted(0, 10));
        assertEquals(1, broker.stats().failures(), "the counters still count");
    }

    @Test
    void brokenHistoryKeysLoseHistoryButNoJob() throws Exception {
        Jedis jedis = redis.jedis();
        long minute = HistoryResolution.MINUTE.bucketStart(clock.instant());
        jedis.set("jtc:{mail}:recent", "garbage");
        jedis.set("jtc:{mail}:minute:" + minute, "garbage");
        jedis.set("jtc:{mail}:minute:" + (minute + 60_000), "garbage");
        start((name, payload, context) -> ran.add(context.id()));
        List<JobMessage> jobs = enqueue("mail", 10);

        await("every job", Duration.ofSeconds(10), () -> allRan(jobs));
        await("every job completed", Duration.ofSeconds(10), () -> jobs.stream()
                .allMatch(j -> broker.status(j.id()).map(s -> s.name().equals("COMPLETED")).orElse(false)));
        assertEquals(List.of(), broker.recentCompleted(0, 10), "the broken list reads as empty");
        assertEquals("garbage", jedis.get("jtc:{mail}:recent"), "and is left for 'check' to show");
        assertEquals(10, broker.stats().processed(), "the counters that matter still count");
    }
}
