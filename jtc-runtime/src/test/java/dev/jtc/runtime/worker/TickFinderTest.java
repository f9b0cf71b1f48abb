package dev.jtc.runtime.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.schedule.CronSchedule;
import dev.jtc.schedule.IntervalSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickFinderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private final IntervalSchedule every30s = IntervalSchedule.of(Duration.ofSeconds(30));

    @Test
    void oldestWalksForwardUpToTheLimit() {
        assertEquals(List.of(T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(90)),
                TickFinder.oldest(every30s, T0, T0.plusSeconds(100), 10));
        assertEquals(List.of(T0.plusSeconds(30)), TickFinder.oldest(every30s, T0, T0.plusSeconds(100), 1));
        assertEquals(List.of(), TickFinder.oldest(every30s, T0, T0.plusSeconds(29), 10));
    }

    @Test
    void newestFindsTheLastTicksOfAWindowOldestFirst() {
        TickFinder.Newest newest = TickFinder.newest(every30s, T0, T0.plusSeconds(600), 3);
        assertEquals(List.of(T0.plusSeconds(540), T0.plusSeconds(570), T0.plusSeconds(600)), newest.ticks());
        assertTrue(newest.olderLeftOut());

        TickFinder.Newest all = TickFinder.newest(every30s, T0, T0.plusSeconds(90), 5);
        assertEquals(List.of(T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(90)), all.ticks());
        assertFalse(all.olderLeftOut());

        TickFinder.Newest exact = TickFinder.newest(every30s, T0, T0.plusSeconds(90), 3);
        assertEquals(3, exact.ticks().size());
        assertFalse(exact.olderLeftOut());

        assertEquals(List.of(), TickFinder.newest(every30s, T0, T0.plusSeconds(10), 5).ticks());
    }

    @Test
    void newestOfAHugeWindowIsFoundWithoutWalkingIt() {
        Instant after = T0.minus(Duration.ofDays(3650));
        CountingSchedule counting = new CountingSchedule(IntervalSchedule.of(Duration.ofSeconds(1)));
        TickFinder.Newest newest = TickFinder.newest(counting, after, T0, 100);
        assertEquals(100, newest.ticks().size());
        assertEquals(T0, newest.ticks().get(99));
        assertEquals(T0.minusSeconds(99), newest.ticks().get(0));
        assertTrue(newest.olderLeftOut());
        assertTrue(counting.calls < 10_000, counting.calls + " calls for a ten-year window of 1 s ticks");
    }

    @Test
    void newestOfASparseCronFindsTheLastRun() {
        CronSchedule yearly = CronSchedule.of("0 0 1 1 *", ZoneOffset.UTC);
        TickFinder.Newest newest = TickFinder.newest(yearly, Instant.parse("2020-06-01T00:00:00Z"), T0, 1);
        assertEquals(List.of(Instant.parse("2026-01-01T00:00:00Z")), newest.ticks());
        assertTrue(newest.olderLeftOut());
    }

    /** Counts how often the finder asks the schedule. */
    private static final class CountingSchedule implements dev.jtc.schedule.Schedule {
        private final dev.jtc.schedule.Schedule delegate;
        int calls;

        CountingSchedule(dev.jtc.schedule.Schedule delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.util.Optional<Instant> nextRunAfter(Instant instant) {
            calls++;
            return delegate.nextRunAfter(instant);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }
    }
}
