package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.testing.RedisServerProcess;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerListener;
import dev.jtc.runtime.worker.WorkerState;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * A fetch blocked in {@code BLPOP} ends as soon as its thread is interrupted, so a worker's
 * shutdown never sits out its fetch wait; the blocked connection is released with
 * {@code CLIENT UNBLOCK} and stays usable, no wake-up token meant for another idle worker is
 * lost, and no job is stranded in flight. Every wait here is 30 s or more, and every bound the
 * test waits for is far below it, so the test shows "at once" without timing anything.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisInterruptedFetchTest {

    private static final Duration LONG_WAIT = Duration.ofSeconds(30);
    private static final Duration WELL_WITHIN_THE_WAIT = Duration.ofSeconds(10);
    private static final Pattern BLOCKED = Pattern.compile(" flags=[A-Za-z]*b");

    private static RedisServerProcess server;

    private final Clock clock = Clock.systemUTC();
    private RedisBroker broker;

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
        broker = RedisBroker.connect(server.url(), "interrupt", clock);
    }

    @AfterEach
    void close() {
        broker.close();
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            jedis.flushAll();
            jedis.configResetStat();
        }
    }

    private JobMessage job() {
        return JobMessage.create(JobIds.next("default"), "Work", "default", "{}", "", clock.instant(), null, null);
    }

    /** Starts {@code workerId}'s fetch with a long wait on another thread; its result or exception lands in the future. */
    private CompletableFuture<List<JobMessage>> fetchInBackground(String workerId, AtomicReference<Thread> thread) {
        return fetchInBackground(broker, workerId, thread);
    }

    private static CompletableFuture<List<JobMessage>> fetchInBackground(RedisBroker from, String workerId,
            AtomicReference<Thread> thread) {
        CompletableFuture<List<JobMessage>> result = new CompletableFuture<>();
        Thread fetcher = new Thread(() -> {
            try {
                result.complete(from.fetch(workerId, List.of("default"), 1, LONG_WAIT));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-fetch-" + workerId);
        thread.set(fetcher);
        fetcher.start();
        return result;
    }

    /** Connections blocked in a command right now ({@code b} among their CLIENT LIST flags). */
    private static long blockedClients() {
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            return jedis.clientList().lines().filter(line -> BLOCKED.matcher(line).find()).count();
        }
    }

    private static long unblockCalls() {
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            return jedis.info("commandstats").lines()
                    .filter(line -> line.startsWith("cmdstat_client|unblock:calls="))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf('=') + 1, line.indexOf(','))))
                    .sum();
        }
    }

    @Test
    void anInterruptedFetchEndsAtOnceAndLeavesItsConnectionWorking() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<List<JobMessage>> fetch = fetchInBackground("w1", thread);
        await("the fetch to block in BLPOP", () -> blockedClients() == 1);

        thread.get().interrupt();

        thread.get().join(WELL_WITHIN_THE_WAIT.toMillis());
        assertFalse(thread.get().isAlive(), "the interrupted fetch sat out its wait");
        assertTrue(fetch.isCompletedExceptionally());
        assertTrue(fetch.handle((jobs, e) -> e instanceof InterruptedException).get(), "it ends with InterruptedException");
        assertEquals(1, unblockCalls(), "the blocked connection was released with CLIENT UNBLOCK");
        await("the BLPOP to end", () -> blockedClients() == 0);

        // The pool's connections, the blocking one included, serve the next waits as before.
        for (int round = 0; round < 3; round++) {
            CompletableFuture<List<JobMessage>> next = fetchInBackground("w1", thread);
            await("the next fetch to block", () -> blockedClients() == 1);
            JobMessage sent = job();
            broker.enqueue(sent);
            List<JobMessage> fetched = next.get(WELL_WITHIN_THE_WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of(sent.id()), fetched.stream().map(JobMessage::id).toList());
            broker.complete("w1", fetched);
        }
    }

    @Test
    void aUserWhoMayNotUnblockStillHasItsInterruptedFetchEndAtOnce() throws Exception {
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.aclSetUser("limited", "reset", "on", ">secret", "~*", "&*", "+@all", "-client|id", "-client|unblock");
        }
        try (RedisBroker limited = RedisBroker.connect("redis://limited:secret@127.0.0.1:" + server.port(), "interrupt", clock)) {
            AtomicReference<Thread> thread = new AtomicReference<>();
            CompletableFuture<List<JobMessage>> fetch = fetchInBackground(limited, "w1", thread);
            await("the fetch to block in BLPOP", () -> blockedClients() == 1);

            thread.get().interrupt();

            thread.get().join(WELL_WITHIN_THE_WAIT.toMillis());
            assertFalse(thread.get().isAlive(), "the interrupted fetch sat out its wait");
            assertTrue(fetch.handle((jobs, e) -> e instanceof InterruptedException).get());
            assertEquals(0, unblockCalls());
            await("the abandoned BLPOP to run out its one-second slice", () -> blockedClients() == 0);
            JobMessage sent = job();
            limited.enqueue(sent);
            assertEquals(List.of(sent.id()), limited.fetch("w1", List.of("default"), 1, WELL_WITHIN_THE_WAIT).stream()
                    .map(JobMessage::id).toList());
        } finally {
            try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
                admin.aclDelUser("limited");
            }
        }
    }

    @Test
    void anotherIdleWorkerStillWakesForTheNextJob() throws Exception {
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        CompletableFuture<List<JobMessage>> interrupted = fetchInBackground("w1", first);
        CompletableFuture<List<JobMessage>> waiting = fetchInBackground("w2", second);
        await("both fetches to block", () -> blockedClients() == 2);

        first.get().interrupt();
        first.get().join(WELL_WITHIN_THE_WAIT.toMillis());
        assertTrue(interrupted.isCompletedExceptionally());
        JobMessage sent = job();
        broker.enqueue(sent);

        List<JobMessage> fetched = waiting.get(WELL_WITHIN_THE_WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(List.of(sent.id()), fetched.stream().map(JobMessage::id).toList());
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(sent.id()));
        assertEquals(0, broker.stats().queues().get(0).ready());
    }

    @Test
    void anIdleWorkerWithALongFetchWaitShutsDownAtOnce() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        JobRunner runner = (String name, String payload, JobContext context) -> ran.countDown();
        JobType work = new JobType("Work", "default", 0, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE,
                JobType.DEFAULT_BACKOFF_CAP, "", "");
        CountDownLatch completed = new CountDownLatch(1);
        Worker worker = new Worker(broker, runner, List.of(work), List.of(),
                WorkerConfig.builder().fetchWait(LONG_WAIT).build(), clock);
        worker.addListener(new WorkerListener() {
            @Override
            public void jobCompleted(JobMessage job, Duration took) {
                completed.countDown();
            }
        });
        worker.start();
        broker.enqueue(job());
        assertTrue(completed.await(WELL_WITHIN_THE_WAIT.toSeconds(), TimeUnit.SECONDS));
        await("the idle worker to wait for jobs", () -> blockedClients() == 1);

        worker.shutdown();

        assertTrue(worker.awaitTermination(WELL_WITHIN_THE_WAIT), "shutdown sat out the 30 s fetch wait");
        assertEquals(WorkerState.STOPPED, worker.state());
        assertEquals(0, ran.getCount());
        assertEquals(List.of(), broker.workers(), "it unregistered");
        await("the BLPOP to end", () -> blockedClients() == 0);
        JobMessage later = job();
        broker.enqueue(later);
        assertEquals(Optional.of(JobState.QUEUED), broker.status(later.id()), "nothing fetches for the stopped worker");
        assertEquals(0, broker.stats().queues().get(0).active(), "nothing stranded in flight");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WELL_WITHIN_THE_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited " + WELL_WITHIN_THE_WAIT + " for " + what);
            Thread.sleep(10);
        }
    }
}
