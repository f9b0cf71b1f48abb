package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IntervalSchedule}: epoch-aligned ticks, so every worker computes the same ones. */
class IntervalScheduleTest {

    @ParameterizedTest(name = "every {0} after {1}")
    @CsvSource(textBlock = """
            PT30S,   2026-01-01T10:00:00Z,            2026-01-01T10:00:30Z
            PT30S,   2026-01-01T10:00:29.999999999Z,  2026-01-01T10:00:30Z
            PT30S,   2026-01-01T10:00:30Z,            2026-01-01T10:01:00Z
            PT30S,   2026-01-01T10:00:30.000000001Z,  2026-01-01T10:01:00Z
            PT5M,    2026-01-01T10:07:13Z,            2026-01-01T10:10:00Z
            PT1H30M, 2026-01-01T00:00:00Z,            2026-01-01T01:30:00Z
            PT1H30M, 2026-01-01T01:30:00Z,            2026-01-01T03:00:00Z
            PT7M,    1970-01-01T00:00:00Z,            1970-01-01T00:07:00Z
            PT7M,    1970-01-01T00:13:59Z,            1970-01-01T00:14:00Z
            PT7M,    1969-12-31T23:59:00Z,            1970-01-01T00:00:00Z
            PT7M,    1969-12-31T23:52:00Z,            1969-12-31T23:53:00Z
            PT0.25S, 2026-01-01T10:00:00.1Z,          2026-01-01T10:00:00.25Z
            PT0.25S, 2026-01-01T10:00:00.75Z,         2026-01-01T10:00:01Z
            P2D,     1970-01-02T12:00:00Z,            1970-01-03T00:00:00Z
            """)
    void ticksAtMultiplesOfTheIntervalSinceTheEpoch(String interval, String after, String next) {
        IntervalSchedule schedule = IntervalSchedule.of(Duration.parse(interval));

        assertEquals(Instant.parse(next), schedule.nextRunAfter(Instant.parse(after)).orElseThrow());
    }

    @Test
    void everyTickIsAMultipleOfTheIntervalAndTheyFollowOneAnother() {
        // 7 minutes does not divide an hour or a day: ticks still only depend on the epoch
        IntervalSchedule schedule = IntervalSchedule.of(Duration.ofMinutes(7));
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < 1000; i++) {
            Instant next = schedule.nextRunAfter(at).orElseThrow();
            assertEquals(0, next.getEpochSecond() % 420);
            assertEquals(Duration.ofMinutes(7), i == 0 ? Duration.ofMinutes(7) : Duration.between(at, next));
            at = next;
        }
    }

    @Test
    void thereIsNoTickBeyondTheLastRepresentableInstant() {
        assertEquals(Optional.empty(), IntervalSchedule.of(Duration.ofDays(1)).nextRunAfter(Instant.MAX));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            PT30S,      every 30 seconds
            PT1S,       every 1 second
            PT1H30M,    every 1 hour 30 minutes
            PT1M,       every 1 minute
            P2D,        every 2 days
            P1DT1H1M1S, every 1 day 1 hour 1 minute 1 second
            PT0.25S,    every 250 milliseconds
            PT0.0000015S, every 1500 nanoseconds
            """)
    void describesTheInterval(String interval, String description) {
        assertEquals(description, IntervalSchedule.of(Duration.parse(interval)).describe());
    }

    @Test
    void rejectsZeroAndNegativeIntervals() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> IntervalSchedule.of(Duration.ZERO));
        assertEquals("interval must be positive, got 0s: write e.g. 30s, 5m or 1h30m", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IntervalSchedule.of(Duration.ofSeconds(-5)));
    }

    @Test
    void intervalsBelowAMillisecondAreWarnedAbout() {
        assertEquals(Optional.of("ticks are told apart by their millisecond (Redis records them as epoch milliseconds, the"
                + " key that runs each tick once), so at most one tick a millisecond runs: the task runs about every 1ms, not"
                + " every PT0.0005S"), IntervalSchedule.resolutionWarning(Duration.parse("PT0.0005S")));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"PT0.001S", "PT0.2S", "PT0.0015S", "PT30S", "P2D"})
    void intervalsOfAMillisecondOrMoreAreNot(String interval) {
        assertEquals(Optional.empty(), IntervalSchedule.resolutionWarning(Duration.parse(interval)));
    }
}
