package dev.jtc.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A {@link ScheduledTask} built by hand, as a registry written without the processor would: the
 * run time rejects what the processor rejects, in the same words, instead of building a task that
 * never runs.
 */
final class ScheduledTaskTest {

    @Test
    void cronThatCanNeverFireIsRejectedWithTheProcessorsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduledTask.cron("Reports.monthEnd", "0 0 31 4 *", ZoneOffset.UTC));
        assertEquals("cron expression '0 0 31 4 *' can never fire: day-of-month 31 never occurs in April (April has 30"
                + " days); choose a day that exists, such as \"0 0 30 4 *\"", e.getMessage());
    }

    @Test
    void cronThatFiresIsBuilt() {
        ScheduledTask task = ScheduledTask.cron("Reports.monthEnd", "0 0 30 4 *", ZoneId.of("Europe/Berlin")).build();
        assertEquals(Instant.parse("2026-04-29T22:00:00Z"), task.schedule().nextRunAfter(Instant.parse("2026-01-01T00:00:00Z"))
                .orElseThrow());
    }

    @Test
    void zoneThatIsAnAbbreviationIsRejectedWithTheProcessorsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduledTask.cron("Reports.morning", "0 9 * * *", ZoneId.of("CET")));
        assertEquals("zone \"CET\" is a time-zone abbreviation, not a region id (did you mean \"Europe/Berlin\"?): write a"
                + " region id such as \"Europe/Berlin\" or \"America/New_York\", \"UTC\", or a fixed offset such as \"+01:00\"",
                e.getMessage());
    }

    @Test
    void utcAndOffsetsAreZonesToo() {
        assertEquals(ZoneId.of("UTC"), ScheduledTask.cron("a", "@daily", ZoneId.of("UTC")).build().zone());
        assertEquals(ZoneOffset.ofHours(1), ScheduledTask.cron("b", "@daily", ZoneOffset.ofHours(1)).build().zone());
    }
}
