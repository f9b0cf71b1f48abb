package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.MissedTicks;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.BrokerException;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.schedule.IntervalSchedule;
import dev.jtc.schedule.Schedule;
import dev.jtc.runtime.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scheduler on a manual clock: hours of ticks in milliseconds, no sleeping. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SchedulerTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final WorkerConfig config = WorkerConfig.builder().schedulerPoll(Duration.ofSeconds(1)).catchUpCap(5).build();

    @AfterEach
    void closeBroker() {
        broker.close();
    }

    private static ScheduledTask every30s(MissedTicks missed) {
        return ScheduledTask.every("Sync.every30s", "30s", Duration.ofSeconds(30)).missed(missed).build();
    }

    private Scheduler scheduler(ScheduledTask... tasks) {
        return new Scheduler(broker, List.of(tasks), clock, config, clock.advancingSleeper());
    }

    /** Takes every ready job of the queue, in order. */
    private List<JobMessage> drain(String queue) throws InterruptedException {
        List<JobMessage> all = new ArrayList<>();
        List<JobMessage> batch;
        while (!(batch = broker.fetch("test", List.of(queue), 100, Duration.ZERO)).isEmpty()) {
            all.addAll(batch);
            broker.complete("test", batch);
        }
        return all;
    }

    @Test
    void firstStartRemembersNowAndRunsNothing() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.RUN_ALL));

        Optional<Instant> next = scheduler.pollOnce();

        assertEquals(Optional.of(START.plusSeconds(30)), next);
        assertEquals(Optional.of(START), broker.lastTick("Sync.every30s"));
        assertEquals(List.of(), drain("default"));
    }

    @Test
    void onTimeTicksRunOnceEachAsJobsNamedAfterTheTask() throws Exception {
        ScheduledTask task = ScheduledTask.every("Sync.every30s", "30s", Duration.ofSeconds(30)).queue("maintenance").build();
        Scheduler scheduler = scheduler(task);
        scheduler.pollOnce();

        clock.advance(Duration.ofSeconds(29));
        scheduler.pollOnce();
        assertEquals(List.of(), drain("maintenance"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(START.plusSeconds(60)), scheduler.pollOnce());
        scheduler.pollOnce();

        List<JobMessage> jobs = drain("maintenance");
        assertEquals(1, jobs.size());
        assertEquals("Sync.every30s", jobs.get(0).name());
        assertEquals("{}", jobs.get(0).payload());
        assertEquals("maintenance", jobs.get(0).queue());
        assertEquals(Optional.of(START.plusSeconds(30)), broker.lastTick("Sync.every30s"));
    }

    @Test
    void aLatePollWithinTheThresholdStillRunsEveryTick() throws Exception {
        ScheduledTask every1s = ScheduledTask.every("Ping", "1s", Duration.ofSeconds(1)).missed(MissedTicks.SKIP).build();
        Scheduler scheduler = scheduler(every1s);
        scheduler.pollOnce();

        clock.advance(Duration.ofSeconds(4)); // a slow poll: 4 ticks due, all within the 5 s threshold
        scheduler.pollOnce();

        assertEquals(4, drain("default").size());
    }

    /** Ten minutes and ten seconds without a scheduler: the ticks 10:00:30 … 10:10:00 (20) are missed. */
    private void missTwentyTicks(Scheduler scheduler) {
        scheduler.pollOnce();
        clock.advance(Duration.ofMinutes(10).plusSeconds(10));
    }

    @Test
    void skipMovesPastMissedTicksWithoutRunning() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.SKIP));
        missTwentyTicks(scheduler);

        scheduler.pollOnce();

        assertEquals(List.of(), drain("default"));
        assertEquals(Optional.of(Instant.parse("2026-03-02T10:10:00Z")), broker.lastTick("Sync.every30s"));
        clock.advance(Duration.ofSeconds(20));
        scheduler.pollOnce();
        assertEquals(1, drain("default").size(), "the next tick on time runs");
    }

    @Test
    void runOnceRunsOnceForAllMissedTicks() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.RUN_ONCE));
        missTwentyTicks(scheduler);

        scheduler.pollOnce();
        scheduler.pollOnce();

        assertEquals(1, drain("default").size());
        assertEquals(Optional.of(Instant.parse("2026-03-02T10:10:00Z")), broker.lastTick("Sync.every30s"));
    }

    @Test
    void runAllRunsEachMissedTickOldestFirstUpToTheCap() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.RUN_ALL));
        missTwentyTicks(scheduler);
        FlakyBroker recording = new FlakyBroker(broker);
        Scheduler observed = new Scheduler(recording, scheduler.tasks(), clock, config, clock.advancingSleeper());

        observed.pollOnce();

        assertEquals(5, drain("default").size(), "catch-up cap 5");
        assertEquals(List.of(Instant.parse("2026-03-02T10:08:00Z"), Instant.parse("2026-03-02T10:08:30Z"),
                Instant.parse("2026-03-02T10:09:00Z"), Instant.parse("2026-03-02T10:09:30Z"),
                Instant.parse("2026-03-02T10:10:00Z")), recording.enqueuedTicks(), "the newest five, oldest first");
    }

    @Test
    void runAllBelowTheCapRunsEveryMissedTick() throws Exception {
        WorkerConfig roomy = WorkerConfig.builder().catchUpCap(100).build();
        Scheduler scheduler = new Scheduler(broker, List.of(every30s(MissedTicks.RUN_ALL)), clock, roomy, clock.advancingSleeper());
        missTwentyTicks(scheduler);

        scheduler.pollOnce();

        assertEquals(20, drain("default").size());
    }

    @Test
    void runAllAfterAMonthAwayStaysCheap() throws Exception {
        ScheduledTask everySecond = ScheduledTask.every("Tick", "1s", Duration.ofSeconds(1)).missed(MissedTicks.RUN_ALL).build();
        Scheduler scheduler = scheduler(everySecond);
        scheduler.pollOnce();
        clock.advance(Duration.ofDays(30));

        scheduler.pollOnce();

        // 2.6 million ticks were missed; the newest five (the cap) run, and no more.
        assertEquals(5, drain("default").size());
    }

    /** A 1-second task after 20 seconds without a scheduler: 20 ticks due, the newest five inside the 5 s threshold. */
    private Scheduler twentySecondsDown(MissedTicks missed) {
        ScheduledTask everySecond = ScheduledTask.every("Ping", "1s", Duration.ofSeconds(1)).missed(missed).build();
        Scheduler scheduler = scheduler(everySecond);
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(20).plusMillis(500));
        return scheduler;
    }

    @Test
    void runOnceAfterDowntimeRunsOnceWhateverTheLatenessThreshold() throws Exception {
        Scheduler scheduler = twentySecondsDown(MissedTicks.RUN_ONCE);
        FlakyBroker recording = new FlakyBroker(broker);
        Scheduler observed = new Scheduler(recording, scheduler.tasks(), clock, config, clock.advancingSleeper());

        observed.pollOnce();
        observed.pollOnce();

        assertEquals(List.of(START.plusSeconds(20)), recording.enqueuedTicks(), "one run, for the newest tick");
        assertEquals(1, drain("default").size());
        assertEquals(Optional.of(START.plusSeconds(20)), broker.lastTick("Ping"));
        clock.advance(Duration.ofMillis(500));
        observed.pollOnce();
        assertEquals(1, drain("default").size(), "then on time again");
    }

    @Test
    void skipAfterDowntimeRunsNoneOfTheDueTicksNotEvenThoseInsideTheThreshold() throws Exception {
        Scheduler scheduler = twentySecondsDown(MissedTicks.SKIP);

        scheduler.pollOnce();

        assertEquals(List.of(), drain("default"));
        assertEquals(Optional.of(START.plusSeconds(20)), broker.lastTick("Ping"));
        clock.advance(Duration.ofMillis(500));
        scheduler.pollOnce();
        assertEquals(1, drain("default").size(), "the next tick runs");
    }

    @Test
    void runAllAfterDowntimeRunsTheNewestTicksUpToTheCapAndNoMore() throws Exception {
        Scheduler scheduler = twentySecondsDown(MissedTicks.RUN_ALL);
        FlakyBroker recording = new FlakyBroker(broker);
        Scheduler observed = new Scheduler(recording, scheduler.tasks(), clock, config, clock.advancingSleeper());

        observed.pollOnce();

        assertEquals(List.of(START.plusSeconds(16), START.plusSeconds(17), START.plusSeconds(18), START.plusSeconds(19),
                START.plusSeconds(20)), recording.enqueuedTicks(), "cap 5, the on-time ticks included");
    }

    @Test
    void cronTaskTicksOnItsExpressionInItsZone() throws Exception {
        ScheduledTask hourly = ScheduledTask.cron("Reports.hourly", "0 * * * *", ZoneId.of("UTC")).build();
        Scheduler scheduler = scheduler(hourly);
        scheduler.pollOnce();

        int ran = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            scheduler.pollOnce();
            ran += drain("default").size();
        }

        assertEquals(24, ran);
    }

    @Test
    void threeSchedulersOnOneBrokerRunEachTickExactlyOnce() throws Exception {
        ScheduledTask task = ScheduledTask.every("Sync.every10s", "10s", Duration.ofSeconds(10)).build();
        List<Scheduler> schedulers = List.of(scheduler(task), scheduler(task), scheduler(task));
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            int steps = 300;
            for (int step = 0; step < steps; step++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> polls = new ArrayList<>();
                for (Scheduler scheduler : schedulers) {
                    polls.add(threads.submit(() -> {
                        go.await();
                        return scheduler.pollOnce();
                    }));
                }
                go.countDown();
                for (Future<?> poll : polls) {
                    poll.get(10, TimeUnit.SECONDS);
                }
                clock.advance(Duration.ofSeconds(5));
            }
            // 300 steps of 5 s after the first poll: ticks at 10 s, 20 s, … up to 1495 s → 149 ticks.
            List<JobMessage> jobs = drain("default");
            assertEquals(149, jobs.size());
            assertEquals(149, jobs.stream().map(JobMessage::id).distinct().count());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void nonOverlappingTaskSkipsTicksWhileItsRunIsStillGoing() throws Exception {
        ScheduledTask slow = ScheduledTask.every("Slow", "30s", Duration.ofSeconds(30)).overlap(false).build();
        Scheduler scheduler = scheduler(slow);
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(30));
        scheduler.pollOnce();
        List<JobMessage> first = broker.fetch("w", List.of("default"), 10, Duration.ZERO);
        assertEquals(1, first.size());

        clock.advance(Duration.ofSeconds(30));
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(30));
        scheduler.pollOnce();
        assertEquals(List.of(), broker.fetch("w", List.of("default"), 10, Duration.ZERO), "both ticks skipped");
        assertEquals(Optional.of(START.plusSeconds(90)), broker.lastTick("Slow"));

        broker.complete("w", first);
        clock.advance(Duration.ofSeconds(30));
        scheduler.pollOnce();
        assertEquals(1, broker.fetch("w", List.of("default"), 10, Duration.ZERO).size());
    }

    @Test
    void overlappingTaskRunsEvenWhileItsPreviousRunIsGoing() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.SKIP));
        scheduler.pollOnce();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofSeconds(30));
            scheduler.pollOnce();
        }
        assertEquals(3, broker.fetch("w", List.of("default"), 10, Duration.ZERO).size());
    }

    @Test
    void runLoopDrivenByTheAdvancingSleeperRunsHundredsOfTicksQuickly() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.RUN_ONCE),
                ScheduledTask.cron("Hourly", "0 * * * *", ZoneId.of("UTC")).build());
        Thread loop = new Thread(scheduler::run, "scheduler-loop");
        loop.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (clock.instant().isBefore(START.plus(Duration.ofHours(5)))) {
                assertTrue(System.nanoTime() < deadline, "the loop did not get through 5 simulated hours");
                Thread.sleep(1);
            }
        } finally {
            scheduler.stop();
            loop.join(10_000);
        }
        assertTrue(!loop.isAlive(), "stop() ends the loop");
        Instant end = broker.lastTick("Sync.every30s").orElseThrow();
        long expected30s = Duration.between(START, end).toSeconds() / 30;
        List<JobMessage> jobs = drain("default");
        assertEquals(expected30s, jobs.stream().filter(j -> j.name().equals("Sync.every30s")).count());
        long hours = Duration.between(START, broker.lastTick("Hourly").orElseThrow()).toHours();
        assertEquals(hours, jobs.stream().filter(j -> j.name().equals("Hourly")).count());
        assertTrue(hours >= 5);
    }

    @Test
    void runLoopSurvivesBrokerFailures() throws Exception {
        FlakyBroker flaky = new FlakyBroker(broker);
        Scheduler scheduler = new Scheduler(flaky, List.of(every30s(MissedTicks.RUN_ALL)), clock, config, clock.advancingSleeper());
        scheduler.pollOnce();
        flaky.failClaims(3);
        Thread loop = new Thread(scheduler::run, "scheduler-loop");
        loop.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (broker.lastTick("Sync.every30s").orElseThrow().isBefore(START.plus(Duration.ofMinutes(30)))) {
                assertTrue(System.nanoTime() < deadline, "the loop did not recover");
                Thread.sleep(1);
            }
        } finally {
            scheduler.stop();
            loop.join(10_000);
        }
        assertTrue(drain("default").size() >= 60);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() throws Exception {
        ScheduledTask broken = new ScheduledTask("Broken", ScheduledTask.Kind.CRON, "?", ZoneId.of("UTC"), "",
                new dev.jtc.schedule.Schedule() {
                    @Override
                    public Optional<Instant> nextRunAfter(Instant instant) {
                        throw new IllegalStateException("schedule cannot compute");
                    }

                    @Override
                    public String describe() {
                        return "broken";
                    }
                }, MissedTicks.SKIP, true, every30s(MissedTicks.SKIP).jobType());
        Scheduler scheduler = scheduler(broken, every30s(MissedTicks.SKIP));
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(30));

        assertEquals(Optional.of(START.plusSeconds(60)), scheduler.pollOnce());
        assertEquals(1, drain("default").size());
    }

    @Test
    void scheduledJobsCarryTheTasksQueueAndShowUpInStatus() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.SKIP));
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(30));
        scheduler.pollOnce();
        JobMessage job = broker.fetch("w", List.of("default"), 1, Duration.ZERO).get(0);
        assertEquals(Optional.of(JobState.ACTIVE), broker.status(job.id()));
        assertEquals(clock.instant(), job.enqueuedAt());
    }

    @Test
    void aClockThatGoesBackNeverRunsATickAgain() throws Exception {
        Scheduler scheduler = scheduler(every30s(MissedTicks.RUN_ALL));
        scheduler.pollOnce();
        clock.advance(Duration.ofSeconds(90));
        scheduler.pollOnce();
        assertEquals(3, drain("default").size());

        clock.set(START.plusSeconds(20)); // NTP steps this host's clock back
        Optional<Instant> next = scheduler.pollOnce();
        assertEquals(List.of(), drain("default"));
        assertEquals(Optional.of(START.plusSeconds(30)), next, "the loop wakes at its own next tick and finds it claimed");
        clock.set(START.plusSeconds(90));
        scheduler.pollOnce();
        assertEquals(List.of(), drain("default"));

        clock.set(START.plusSeconds(120));
        scheduler.pollOnce();
        assertEquals(1, drain("default").size());
        assertEquals(Optional.of(START.plusSeconds(120)), broker.lastTick("Sync.every30s"));
    }

    @Test
    void aTaskWhoseScheduleEndsStopsTickingWithoutHoldingUpTheOthers() throws Exception {
        Instant end = START.plusSeconds(60);
        Schedule endsAtOneMinute = new Schedule() {
            private final Schedule every30s = IntervalSchedule.of(Duration.ofSeconds(30));

            @Override
            public Optional<Instant> nextRunAfter(Instant instant) {
                return every30s.nextRunAfter(instant).filter(tick -> !tick.isAfter(end));
            }

            @Override
            public String describe() {
                return "every 30 seconds until " + end;
            }
        };
        ScheduledTask ending = new ScheduledTask("Ends", ScheduledTask.Kind.INTERVAL, "30s", ZoneOffset.UTC, "",
                endsAtOneMinute, MissedTicks.RUN_ALL, true, new JobType("Ends", "default", 0, JobType.NO_TIMEOUT,
                        JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", ""));
        Scheduler scheduler = scheduler(ending, every30s(MissedTicks.SKIP));
        scheduler.pollOnce();

        for (int i = 0; i < 2; i++) {
            clock.advance(Duration.ofSeconds(30));
            scheduler.pollOnce();
        }
        assertEquals(List.of("Ends", "Ends", "Sync.every30s", "Sync.every30s"), names());

        clock.advance(Duration.ofDays(30).plusSeconds(10)); // between two ticks of the other task
        Optional<Instant> next = scheduler.pollOnce();

        assertEquals(Optional.of(clock.instant().plusSeconds(20)), next, "only the other task has a next tick");
        assertEquals(List.of(), names(), "nothing after the end to run, and the other task skips what it missed");
        clock.advance(Duration.ofSeconds(20));
        scheduler.pollOnce();
        assertEquals(List.of("Sync.every30s"), names());
    }

    private List<String> names() throws InterruptedException {
        return drain("default").stream().map(JobMessage::name).sorted().toList();
    }
}
