package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.AttemptPostponedException;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Broker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A job's declared limits, held by two workers on one broker together, as measured by the jobs
 * themselves: the most attempts running at once, one at a time per key, starts per window; and a
 * job held back waits without spending an attempt. A subclass says which broker.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class WorkerLimitsContractTest {

    private final Clock clock = Clock.systemUTC();
    private Broker broker;
    private BrokerDispatcher dispatcher;
    private final TestJobRunner runner = new TestJobRunner();
    private final List<Worker> workers = new ArrayList<>();

    /** A fresh, empty broker on {@code clock}. */
    protected abstract Broker createBroker(Clock clock);

    @BeforeEach
    void createTheBroker() {
        broker = createBroker(clock);
        dispatcher = new BrokerDispatcher(broker, clock);
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        for (Worker worker : workers) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
        }
        broker.close();
    }

    private static JobType type(String name, JobLimits limits) {
        return new JobType(name, "default", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(1), "", "", limits);
    }

    private void startWorkers(JobType type, int count, int concurrency) {
        for (int i = 0; i < count; i++) {
            Worker worker = new Worker(broker, runner, List.of(type), List.of(),
                    WorkerConfig.builder().fetchWait(Duration.ofMillis(50)).concurrency(concurrency).build(), clock);
            workers.add(worker);
            worker.start();
        }
    }

    private List<String> dispatch(JobType type, int count, java.util.function.IntFunction<String> payload) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(dispatcher.dispatch(type, payload.apply(i), DispatchOptions.none()).id());
        }
        return ids;
    }

    private void awaitCompleted(List<String> ids) throws InterruptedException {
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45); ; Thread.sleep(20)) {
            long done = ids.stream().filter(id -> broker.status(id).equals(Optional.of(JobState.COMPLETED))).count();
            if (done == ids.size()) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, done + " of " + ids.size() + " completed");
        }
    }

    @Test
    void maxConcurrencyHoldsAcrossWorkersAndHeldBackAttemptsDoNotCount() throws Exception {
        JobType type = type("Export", JobLimits.NONE.withMaxConcurrency(2));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        runner.on("Export", (payload, context) -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            attempts.add(context.attempt());
            Thread.sleep(30);
            running.decrementAndGet();
        });
        startWorkers(type, 2, 4);

        List<String> ids = dispatch(type, 12, i -> "{}");
        awaitCompleted(ids);

        assertEquals(2, most.get(), "never more than 2 at once, and 2 when 12 wait");
        assertEquals(Collections.nCopies(12, 1), attempts, "every job ran once, as its first attempt");
    }

    @Test
    void withoutOverlappingRunsOneAtATimePerKeyValue() throws Exception {
        JobType type = type("Ship", JobLimits.NONE.withoutOverlapping("orderId"));
        Map<String, AtomicInteger> runningPerOrder = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger runningAtAll = new AtomicInteger();
        AtomicInteger mostAtAll = new AtomicInteger();
        runner.on("Ship", (payload, context) -> {
            AtomicInteger order = runningPerOrder.computeIfAbsent(payload, p -> new AtomicInteger());
            if (order.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            mostAtAll.accumulateAndGet(runningAtAll.incrementAndGet(), Math::max);
            Thread.sleep(25);
            runningAtAll.decrementAndGet();
            order.decrementAndGet();
        });
        startWorkers(type, 2, 4);

        List<String> ids = dispatch(type, 12, i -> "{\"orderId\":" + (i % 3) + "}");
        awaitCompleted(ids);

        assertEquals(0, overlaps.get(), "two attempts of one order ran at once");
        assertTrue(mostAtAll.get() >= 2, "different orders run side by side: at most " + mostAtAll.get() + " did");
    }

    @Test
    void aRateLimitHoldsInEveryWindow() throws Exception {
        Duration window = Duration.ofMillis(400);
        JobType type = type("Notify", JobLimits.NONE.withRate(3, window));
        List<Instant> starts = new CopyOnWriteArrayList<>();
        runner.on("Notify", (payload, context) -> starts.add(clock.instant()));
        startWorkers(type, 2, 4);

        List<String> ids = dispatch(type, 10, i -> "{}");
        awaitCompleted(ids);

        List<Instant> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertEquals(10, sorted.size());
        for (int i = 3; i < sorted.size(); i++) {
            Duration apart = Duration.between(sorted.get(i - 3), sorted.get(i));
            assertTrue(apart.compareTo(window) >= 0, "4 starts within " + apart.toMillis() + " ms: " + sorted);
        }
    }

    @Test
    void aKeyedRateLimitGivesEachValueItsOwn() throws Exception {
        JobType type = type("Sync", JobLimits.NONE.withRate(1, Duration.ofSeconds(30)).withLimitKey("account"));
        Map<String, Integer> runs = new ConcurrentHashMap<>();
        runner.on("Sync", (payload, context) -> runs.merge(payload, 1, Integer::sum));
        startWorkers(type, 2, 4);

        List<String> first = dispatch(type, 3, i -> "{\"account\":\"acc-" + i + "\"}");
        awaitCompleted(first);
        List<String> second = dispatch(type, 1, i -> "{\"account\":\"acc-0\"}");
        Thread.sleep(500);

        assertEquals(3, runs.size(), "each account had its first start at once: " + runs);
        assertEquals(Optional.of(JobState.SCHEDULED), broker.status(second.get(0)), "acc-0's second waits for its window");
    }

    @Test
    void aPostponedAttemptRunsAgainLaterWithoutCounting() throws Exception {
        JobType type = type("Poll", JobLimits.NONE);
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        Map<String, Integer> tries = new HashMap<>();
        runner.on("Poll", (payload, context) -> {
            attempts.add(context.attempt());
            synchronized (tries) {
                if (tries.merge(context.id(), 1, Integer::sum) == 1) {
                    throw new AttemptPostponedException(Duration.ofMillis(200), "not yet");
                }
            }
        });
        startWorkers(type, 1, 2);

        List<String> ids = dispatch(type, 1, i -> "{}");
        awaitCompleted(ids);

        assertEquals(List.of(1, 1), attempts, "the postponed attempt was not counted");
        assertEquals(0, broker.stats().failures());
    }
}
