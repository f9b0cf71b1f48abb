package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            """)
    void staysQuietWhenNoTransitionAffectsAFixedTime(String expression, String zone) {
        // weekdays only: Berlin switches on Sundays; days 1-7: the last Sunday is never in the first week;
        // '*' entries follow real time and need no warning
        assertEquals(Optional.empty(), CronSchedule.of(expression, ZoneId.of(zone)).dstWarning());
    }
}
