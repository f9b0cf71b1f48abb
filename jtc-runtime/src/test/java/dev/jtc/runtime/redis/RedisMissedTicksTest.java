package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.testing.RedisServerProcess;
import dev.jtc.runtime.worker.Sleeper;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;

/**
 * Workers stopped across several ticks, against Redis: a worker runs a cron task and an
 * {@code @Every} task of each missed-tick policy on time, stops, the {@link ManualClock} jumps
 * over several ticks of each, and a new worker starts. Every run is traced back to the tick that
 * enqueued it (through the claims a {@link ClaimRecordingBroker} writes down), so the test checks
 * which ticks ran, not just how many jobs did: {@code SKIP} runs none of the missed ticks,
 * {@code RUN_ONCE} runs the newest, {@code RUN_ALL} runs each (the newest up to the catch-up cap),
 * and every tick runs exactly once. A task with {@code overlap = false} spends its ticks without
 * running while its previous run is still active, also when that run is still waiting after a
 * worker stopped. The clock, not the wall, moves: the test takes a few seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedisMissedTicksTest {

    private static final int CATCH_UP_CAP = 10;
    private static final Instant START = Instant.parse("2026-03-02T10:00:30Z");

    private static RedisServerProcess server;
    private final ManualClock clock = new ManualClock(START);
    /** Completed runs: job id → task name, in completion order (a job id twice would be a duplicate run). */
    private final List<Map.Entry<String, String>> completedRuns = new CopyOnWriteArrayList<>();
    private final List<RedisBroker> brokers = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private JedisPool records;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    /** Ticks claimed in Redis but not yet written down in {@code test:claims}. */
    private final AtomicInteger claiming = new AtomicInteger();

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
        records = new JedisPool("127.0.0.1", server.port());
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        gate.countDown();
        for (Worker worker : workers) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
        }
        brokers.forEach(RedisBroker::close);
        try (Jedis jedis = records.getResource()) {
            jedis.flushAll();
        }
        records.close();
    }

    private final JobRunner runner = new JobRunner() {
        @Override
        public void run(String name, String payload, JobContext context) throws Exception {
            if (name.startsWith("Slow.")) {
                gate.await(); // an interrupt (shutdown) ends the run unfinished
            }
            completedRuns.add(Map.entry(context.id(), name));
        }
    };

    private static ScheduledTask everyMinute(MissedTicks missed) {
        return ScheduledTask.every("Every.minute-" + missed, "1m", Duration.ofMinutes(1)).missed(missed).build();
    }

    private static ScheduledTask everyFiveMinutes(MissedTicks missed) {
        return ScheduledTask.cron("Cron.fiveMinutes-" + missed, "*/5 * * * *", ZoneOffset.UTC).missed(missed).build();
    }

    private Worker startWorker(String id, List<ScheduledTask> tasks) {
        RedisBroker broker = RedisBroker.connect(server.url(), "jtc", clock);
        brokers.add(broker);
        WorkerConfig config = WorkerConfig.builder()
                .workerId(id)
                .concurrency(4)
                .fetchWait(Duration.ofMillis(100))
                .schedulerPoll(Duration.ofMillis(20))
                .catchUpCap(CATCH_UP_CAP)
                // The manual clock jumps by minutes: a heartbeat that lives a day keeps the worker alive through it.
                .heartbeat(Duration.ofMillis(200), Duration.ofDays(1))
                .shutdownGrace(Duration.ofSeconds(5))
                .build();
        Worker worker = new Worker(new ClaimRecordingBroker(broker, records, id, claiming), runner, List.of(), tasks, config, clock,
                Sleeper.SYSTEM);
        workers.add(worker);
        worker.start();
        return worker;
    }

    private void stop(Worker worker, Duration grace) throws InterruptedException {
        worker.shutdown(grace);
        assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "worker did not stop");
    }

    private RedisBroker inspector() {
        RedisBroker broker = RedisBroker.connect(server.url(), "jtc", clock);
        brokers.add(broker);
        return broker;
    }

    /** Every tick claimed with an enqueue: job id → tick. */
    private Map<String, Instant> claims() {
        try (Jedis jedis = records.getResource()) {
            Map<String, Instant> out = new HashMap<>();
            for (String claim : jedis.lrange("test:claims", 0, -1)) {
                String[] parts = claim.split(" ");
                Instant previous = out.put(parts[1], Instant.ofEpochMilli(Long.parseLong(parts[0])));
                assertEquals(null, previous, "job " + parts[1] + " was enqueued for two ticks");
            }
            return out;
        }
    }

    /** The ticks whose runs completed, per task, sorted; fails if any run completed twice or belongs to no tick. */
    private Map<String, List<Instant>> ticksRun() {
        Map<String, Instant> tickOfJob = claims();
        Map<String, Long> runsPerJob = completedRuns.stream().collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.counting()));
        runsPerJob.forEach((job, runs) -> assertEquals(1L, runs, "job " + job + " ran " + runs + " times"));
        return completedRuns.stream().collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(run -> {
            Instant tick = tickOfJob.get(run.getKey());
            assertTrue(tick != null, "run " + run + " was enqueued by no tick claim");
            return tick;
        }, Collectors.collectingAndThen(Collectors.toList(), list -> list.stream().sorted().toList()))));
    }

    /** Waits until every task has claimed a tick at or after {@code tick} and every enqueued run has completed. */
    private void awaitSettled(RedisBroker broker, List<ScheduledTask> tasks, Map<String, Instant> lastTicks) throws InterruptedException {
        await("the scheduler to reach " + lastTicks + " and every enqueued run to complete", () -> {
            for (ScheduledTask task : tasks) {
                Instant expected = lastTicks.get(task.name());
                if (expected != null && broker.lastTick(task.name()).filter(t -> !t.isBefore(expected)).isEmpty()) {
                    return false;
                }
            }
            // A tick is claimed (lastTick moves) before it is written down, and its run may complete in between.
            if (claiming.get() > 0) {
                return false;
            }
            // Compare ids, not counts: a run can complete before its claim is written down.
            Set<String> completed = completedRuns.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
            return claims().keySet().equals(completed);
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }

    private static List<Instant> minutes(String from, String to) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plus(Duration.ofMinutes(1))) {
            out.add(t);
        }
        return out;
    }

    private static List<Instant> concat(List<Instant> a, List<Instant> b) {
        List<Instant> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void eachMissedTickPolicyHoldsForCronAndEveryTasksAcrossAStoppedWorker() throws Exception {
        List<ScheduledTask> tasks = new ArrayList<>();
        for (MissedTicks policy : MissedTicks.values()) {
            tasks.add(everyMinute(policy));
            tasks.add(everyFiveMinutes(policy));
        }
        RedisBroker broker = inspector();

        // On time: minute by minute from 10:00:30 to 10:05, each tick claimed before the clock moves on.
        Worker first = startWorker("before-downtime", tasks);
        await("every task to be seen", () -> tasks.stream().allMatch(t -> broker.lastTick(t.name()).isPresent()));
        for (Instant minute : minutes("10:01:00", "10:05:00")) {
            clock.set(minute);
            Map<String, Instant> due = new HashMap<>();
            for (ScheduledTask task : tasks) {
                if (task.kind() == ScheduledTask.Kind.INTERVAL || minute.equals(at("10:05:00"))) {
                    due.put(task.name(), minute);
                }
            }
            awaitSettled(broker, tasks, due);
        }
        stop(first, Duration.ofSeconds(5));

        // Nobody runs from 10:05 to 10:32:30: 27 ticks of the @Every tasks and 5 of the cron tasks are missed.
        clock.set(at("10:32:30"));
        startWorker("after-downtime", tasks);
        Map<String, Instant> caughtUp = new HashMap<>();
        for (MissedTicks policy : MissedTicks.values()) {
            caughtUp.put(everyMinute(policy).name(), at("10:32:00"));
            caughtUp.put(everyFiveMinutes(policy).name(), at("10:30:00"));
        }
        awaitSettled(broker, tasks, caughtUp);
        // And on time again afterwards.
        clock.set(at("10:33:00"));
        Map<String, Instant> next = new HashMap<>();
        for (MissedTicks policy : MissedTicks.values()) {
            next.put(everyMinute(policy).name(), at("10:33:00"));
        }
        awaitSettled(broker, tasks, next);

        Map<String, List<Instant>> ran = ticksRun();
        List<Instant> onTime = minutes("10:01:00", "10:05:00");
        assertEquals(concat(onTime, List.of(at("10:33:00"))), ran.get("Every.minute-SKIP"), "SKIP runs no missed tick");
        assertEquals(concat(onTime, List.of(at("10:32:00"), at("10:33:00"))), ran.get("Every.minute-RUN_ONCE"),
                "RUN_ONCE runs the newest missed tick once");
        assertEquals(concat(concat(onTime, minutes("10:23:00", "10:32:00")), List.of(at("10:33:00"))),
                ran.get("Every.minute-RUN_ALL"), "RUN_ALL runs the newest " + CATCH_UP_CAP + " of 27 missed ticks (the cap)");
        assertEquals(List.of(at("10:05:00")), ran.get("Cron.fiveMinutes-SKIP"));
        assertEquals(List.of(at("10:05:00"), at("10:30:00")), ran.get("Cron.fiveMinutes-RUN_ONCE"));
        assertEquals(List.of(at("10:05:00"), at("10:10:00"), at("10:15:00"), at("10:20:00"), at("10:25:00"), at("10:30:00")),
                ran.get("Cron.fiveMinutes-RUN_ALL"), "RUN_ALL runs every missed cron tick, oldest first");
    }

    @Test
    void runOnceOfAOneSecondTaskAfterTwentySecondsDownIsOneRunNotABurst() throws Exception {
        ScheduledTask ping = ScheduledTask.every("Every.second", "1s", Duration.ofSeconds(1)).missed(MissedTicks.RUN_ONCE).build();
        ScheduledTask pingAll = ScheduledTask.every("Every.second-all", "1s", Duration.ofSeconds(1)).missed(MissedTicks.RUN_ALL)
                .build();
        List<ScheduledTask> tasks = List.of(ping, pingAll);
        RedisBroker broker = inspector();
        Worker first = startWorker("before", tasks);
        await("the tasks to be seen", () -> tasks.stream().allMatch(t -> broker.lastTick(t.name()).isPresent()));
        stop(first, Duration.ofSeconds(5));
        int before = claims().size();

        // Every worker was down for 20 s (the threshold is 5 s): 20 ticks of each task came and went.
        clock.set(START.plusSeconds(20).plusMillis(500));
        startWorker("after", tasks);
        awaitSettled(broker, tasks, Map.of(ping.name(), START.plusSeconds(20), pingAll.name(), START.plusSeconds(20)));

        Map<String, List<Instant>> ran = ticksRun();
        assertEquals(0, before);
        assertEquals(List.of(START.plusSeconds(20)), ran.get(ping.name()), "RUN_ONCE: one run for the 20 missed ticks");
        assertEquals(secondsFrom(START.plusSeconds(11), CATCH_UP_CAP), ran.get(pingAll.name()),
                "RUN_ALL: the newest " + CATCH_UP_CAP + " ticks, the ones inside the threshold included");
    }

    private static List<Instant> secondsFrom(Instant first, int seconds) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < seconds; i++) {
            out.add(first.plusSeconds(i));
        }
        return out;
    }

    @Test
    void withoutOverlapATickIsSpentWhileThePreviousRunIsStillActiveOrWaiting() throws Exception {
        ScheduledTask slow = ScheduledTask.every("Slow.everyMinute", "1m", Duration.ofMinutes(1)).overlap(false)
                .missed(MissedTicks.RUN_ONCE).build();
        List<ScheduledTask> tasks = List.of(slow);
        RedisBroker broker = inspector();
        gate = new CountDownLatch(1);

        Worker first = startWorker("first", tasks);
        await("the task to be seen", () -> broker.lastTick(slow.name()).isPresent());
        clock.set(at("10:01:00"));
        await("the 10:01 run to start", () -> claims().size() == 1 && broker.status(claims().keySet().iterator().next())
                .equals(Optional.of(JobState.ACTIVE)));
        String firstRun = claims().keySet().iterator().next();
        for (Instant minute : minutes("10:02:00", "10:03:00")) {
            clock.set(minute);
            await("tick " + minute + " to be spent", () -> broker.lastTick(slow.name()).equals(Optional.of(minute)));
        }
        assertEquals(1, claims().size(), "10:02 and 10:03 were skipped while the 10:01 run was active");

        // The worker stops with the run unfinished: it goes back to the queue, still pending.
        stop(first, Duration.ZERO);
        assertEquals(Optional.of(JobState.QUEUED), broker.status(firstRun));
        clock.set(at("10:10:30"));
        startWorker("second", tasks);
        await("the missed ticks to be spent", () -> broker.lastTick(slow.name()).equals(Optional.of(at("10:10:00"))));
        assertEquals(1, claims().size(), "RUN_ONCE's catch-up was skipped: the 10:01 run is still pending");

        gate.countDown();
        await("the 10:01 run to complete", () -> broker.status(firstRun).equals(Optional.of(JobState.COMPLETED)));
        clock.set(at("10:11:00"));
        await("the 10:11 run", () -> completedRuns.size() == 2);

        assertEquals(Map.of(slow.name(), List.of(at("10:01:00"), at("10:11:00"))), ticksRun());
    }
}
