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
}
