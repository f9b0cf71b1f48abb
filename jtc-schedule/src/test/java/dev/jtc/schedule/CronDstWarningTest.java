package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CronSchedule#dstWarning()}: the compile-time warning for fixed times that DST skips or repeats. */
class CronDstWarningTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            30 2 * 10 *  | Europe/Berlin    | 02:30 falls in the repeated hour of Europe/Berlin (clocks go back 03:00→02:00 on the last Sunday of October)
            30 2 * * *   | America/New_York | 02:30 falls in the daylight-saving gap of America/New_York (clocks jump 02:00→03:00 on the second Sunday of March); it will run at 03:00 that day
            30 1 * * *   | America/New_York | 01:30 falls in the repeated hour of America/New_York (clocks go back 02:00→01:00 on the first Sunday of November); it runs once that day, at the first occurrence
            0,30 2 * * * | America/New_York | 02:00 and 02:30 fall in the daylight-saving gap of America/New_York (clocks jump 02:00→03:00 on the second Sunday of March); they will run at 03:00 that day
            0 2 * * *    | Australia/Lord_Howe | 02:00 falls in the daylight-saving gap of Australia/Lord_Howe (clocks jump 02:00→02:30 on the first Sunday of October); it will run at 02:30 that day
            """)
    void warnsAboutFixedTimesInATransitionWindow(String expression, String zone, String warning) {
        Optional<String> actual = CronSchedule.of(expression, ZoneId.of(zone)).dstWarning();

        assertTrue(actual.isPresent(), expression + " in " + zone);
        assertTrue(actual.get().startsWith(warning), actual.get());
    }

    @org.junit.jupiter.api.Test
    void aTimeInBothWindowsIsOneLineNamingBoth() {
        assertEquals(Optional.of("02:30 falls in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on the last"
                + " Sunday of March); it will run at 03:00 that day; also, 02:30 falls in the repeated hour of Europe/Berlin"
                + " (clocks go back 03:00→02:00 on the last Sunday of October); it runs once that day, at the first occurrence"),
                CronSchedule.of("30 2 * * *", ZoneId.of("Europe/Berlin")).dstWarning());
    }

    @org.junit.jupiter.api.Test
    void starMinuteInAFixedHourSaysItDoesNotRunInTheGapAndRunsTwiceInTheRepeatedHour() {
        assertEquals(Optional.of("02:00 and 02:30 fall in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on"
                + " the last Sunday of March) and do not happen that day, so it does not run at all that day; also, 02:00 and"
                + " 02:30 fall in the repeated hour of Europe/Berlin (clocks go back 03:00→02:00 on the last Sunday of"
                + " October) and happen twice, so it runs 4 times that day instead of 2"),
                CronSchedule.of("*/30 2 * * *", ZoneId.of("Europe/Berlin")).dstWarning());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            */30 1-3 * * *  | Europe/Berlin    | 02:00 and 02:30 fall in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on the last Sunday of March) and do not happen that day, so it runs 4 times that day instead of 6; also, 02:00 and 02:30 fall in the repeated hour of Europe/Berlin (clocks go back 03:00→02:00 on the last Sunday of October) and happen twice, so it runs 8 times that day instead of 6
            * 2 * * *       | Europe/Berlin    | the 60 times from 02:00 through 02:59 fall in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on the last Sunday of March) and do not happen that day, so it does not run at all that day; also, the 60 times from 02:00 through 02:59 fall in the repeated hour of Europe/Berlin (clocks go back 03:00→02:00 on the last Sunday of October) and happen twice, so it runs 120 times that day instead of 60
            */30 1 * * *    | America/New_York | 01:00 and 01:30 fall in the repeated hour of America/New_York (clocks go back 02:00→01:00 on the first Sunday of November) and happen twice, so it runs 4 times that day instead of 2
            */10 2 * * *    | Australia/Lord_Howe | 02:00, 02:10 and 02:20 fall in the daylight-saving gap of Australia/Lord_Howe (clocks jump 02:00→02:30 on the first Sunday of October) and do not happen that day, so it runs 3 times that day instead of 6
            """)
    void starMinuteInFixedHoursCountsTheRunsOfTheDay(String expression, String zone, String warning) {
        assertEquals(Optional.of(warning), CronSchedule.of(expression, ZoneId.of(zone)).dstWarning());
    }

    /** The counts the warning gives are what the schedule does: ticks counted on Berlin's 2026 transition days. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            */30 2 * * *    | 0 | 4
            */30 1-3 * * *  | 4 | 8
            * 2 * * *       | 0 | 120
            """)
    void theCountsInTheWarningAreTheRunsOfTheSchedule(String expression, int springRuns, int autumnRuns) {
        CronSchedule schedule = CronSchedule.of(expression, ZoneId.of("Europe/Berlin"));
        assertEquals(springRuns, runsOn(schedule, LocalDate.of(2026, 3, 29)));
        assertEquals(autumnRuns, runsOn(schedule, LocalDate.of(2026, 10, 25)));
        assertTrue(schedule.dstWarning().orElseThrow().contains(springRuns == 0 ? "does not run at all that day"
                : "runs " + springRuns + " times that day"));
        assertTrue(schedule.dstWarning().orElseThrow().contains("runs " + autumnRuns + " times that day"));
    }

    private static int runsOn(CronSchedule schedule, LocalDate day) {
        Instant start = day.atStartOfDay(schedule.zone()).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        int runs = 0;
        for (Instant tick = schedule.nextRunAfter(start.minusNanos(1)).orElseThrow(); tick.isBefore(end);
                tick = schedule.nextRunAfter(tick).orElseThrow()) {
            runs++;
        }
        return runs;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            30 2 * * *      | UTC
            30 2 * * *      | Asia/Tokyo
            30 1 * * *      | Europe/Berlin
            30 3 * * *      | Europe/Berlin
            30 2 * * 1-5    | Europe/Berlin
            30 2 1-7 * *    | Europe/Berlin
            30 2 * 1-2 *    | Europe/Berlin
            */30 * * * *    | Europe/Berlin
            30 * * * *      | Europe/Berlin
            0 */2 * * *     | America/New_York
            */30 3 * * *    | Europe/Berlin
            */15 2 * * *    | Asia/Tokyo
            * */2 * * *     | Europe/Berlin
            """)
    void staysQuietWhenNoTransitionAffectsAFixedTime(String expression, String zone) {
        // weekdays only: Berlin switches on Sundays; days 1-7: the last Sunday is never in the first week;
        // entries with '*' in the hour follow real time around the clock and need no warning
        assertEquals(Optional.empty(), CronSchedule.of(expression, ZoneId.of(zone)).dstWarning());
    }
}
