package dev.jtc.runtime.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.testing.ManualClock;
import dev.jtc.runtime.worker.Scheduler;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.schedule.IntervalSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the processor's {@code [jtc:every-resolution]} warning says, against Redis: ticks are
 * told apart by their millisecond, so an interval of 1 ms runs every tick and a shorter one at
 * most once a millisecond ({@link IntervalSchedule#RESOLUTION}).
 */
class RedisTickResolutionTest {

    @RegisterExtension
    static final RedisFixture redis = new RedisFixture();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void aMillisecondIntervalRunsEveryTick() {
        assertEquals(10, runsIn10Milliseconds("PT0.001S"));
    }

    @Test
    void aShorterIntervalRunsAtMostOnceAMillisecond() {
        assertEquals(10, runsIn10Milliseconds("PT0.0005S"));
    }

    private long runsIn10Milliseconds(String interval) {
        RedisBroker broker = redis.broker("jtc", clock);
        ScheduledTask task = ScheduledTask.every("Spin", interval, Duration.parse(interval)).build();
        Scheduler scheduler = new Scheduler(broker, List.of(task), clock, WorkerConfig.defaults(), clock.advancingSleeper());
        scheduler.pollOnce(); // first sight: ticks count from now, nothing runs
        clock.advance(Duration.ofMillis(10));
        scheduler.pollOnce();
        return broker.stats().queues().stream().mapToLong(QueueStats::ready).sum();
    }
}
