package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CronSchedule#describe()}: plain English for listings and generated javadoc. */
class CronDescribeTest {

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 * * * *               | UTC            | at minute 0 of every hour, UTC
            0 9 * * MON-FRI         | Europe/Berlin  | at 09:00 on Monday through Friday, Europe/Berlin
            */15 * * * *            | UTC            | every 15 minutes, UTC
            @daily                  | UTC            | at 00:00 every day, UTC
            0 0 1 * *               | UTC            | at 00:00 on day 1 of the month, UTC
            * * * * *               | UTC            | every minute, UTC
            @hourly                 | Etc/UTC        | at minute 0 of every hour, UTC
            @weekly                 | UTC            | at 00:00 on Sunday, UTC
            @monthly                | UTC            | at 00:00 on day 1 of the month, UTC
            @yearly                 | UTC            | at 00:00 on January 1, UTC
            0 12 15 jun *           | UTC            | at 12:00 on June 15, UTC
            0 0 29 2 *              | UTC            | at 00:00 on February 29, UTC
            30 4 * * *              | +05:30         | at 04:30 every day, +05:30
            0,30 * * * *            | UTC            | at minutes 0 and 30 of every hour, UTC
            5-10/2 * * * *          | UTC            | at minutes 5, 7 and 9 of every hour, UTC
            0 */2 * * *             | UTC            | at minute 0 of every 2nd hour, UTC
            23 0-20/2 * * *         | UTC            | at minute 23 of every 2nd hour from 0 through 20 every day, UTC
            0 9-17 * * *            | UTC            | at minute 0 of hours 9 through 17 every day, UTC
            */15 9-17 * * 1-5       | UTC            | every 15 minutes of hours 9 through 17 on Monday through Friday, UTC
            * 9 * * *               | UTC            | every minute of hour 9 every day, UTC
            0 8,12,18 * * *         | UTC            | at 08:00, 12:00 and 18:00 every day, UTC
            0,30 9 * * *            | UTC            | at 09:00 and 09:30 every day, UTC
            0 1,3,5,7,9,11,13 * * * | UTC            | at minute 0 of hours 1, 3, 5, 7, 9, 11 and 13 every day, UTC
            0 0 * * 1,3,5           | UTC            | at 00:00 on Monday, Wednesday and Friday, UTC
            0 0 * * SAT,SUN         | UTC            | at 00:00 on Saturday and Sunday, UTC
            0 0 * * FRI-7           | UTC            | at 00:00 on Friday through Sunday, UTC
            0 0 * * 0-1             | UTC            | at 00:00 on Sunday and Monday, UTC
            0 0 1 * 1               | UTC            | at 00:00 on day 1 of the month and on Monday, UTC
            0 0 13 * FRI            | UTC            | at 00:00 on day 13 of the month and on Friday, UTC
            0 0 */2 * 1             | UTC            | at 00:00 on every 2nd day of the month from day 1 through 31 if it is a Monday, UTC
            0 0 1 1 */2             | UTC            | at 00:00 on January 1 if it is a Tuesday, Thursday, Saturday or Sunday, UTC
            0 0 1-31 * MON          | UTC            | at 00:00 every day, UTC
            0 0 5-25/10 * *         | UTC            | at 00:00 on days 5, 15 and 25 of the month, UTC
            0 0 1,15 * *            | UTC            | at 00:00 on days 1 and 15 of the month, UTC
            0 4 8-14 * *            | UTC            | at 04:00 on days 8 through 14 of the month, UTC
            0 0 * 12 *              | UTC            | at 00:00 every day in December, UTC
            0 12 * JAN,APR,JUL,OCT * | UTC           | at 12:00 every day in January, April, July and October, UTC
            0 0 1 */3 *             | UTC            | at 00:00 on day 1 of the month in January, April, July and October, UTC
            0 0 1 1 MON             | UTC            | at 00:00 on day 1 of the month and on Monday in January, UTC
            0 0 * * 1 | America/New_York | at 00:00 on Monday, America/New_York
            """)
    void describesInPlainWords(String expression, String zone, String description) {
        assertEquals(description, CronSchedule.of(expression, ZoneId.of(zone)).describe());
    }

    /**
     * Steps restart at the top of each field's range, so only a step that divides the field's
     * cycle is an interval; any other step is listed, or bounded when it has many values.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            */15 * * * *     | every 15 minutes, UTC
            */20 * * * *     | every 20 minutes, UTC
            */30 * * * *     | every 30 minutes, UTC
            */45 * * * *     | at minutes 0 and 45 of every hour, UTC
            */40 * * * *     | at minutes 0 and 40 of every hour, UTC
            */59 * * * *     | at minutes 0 and 59 of every hour, UTC
            */25 * * * *     | at minutes 0, 25 and 50 of every hour, UTC
            */11 * * * *     | at minutes 0, 11, 22, 33, 44 and 55 of every hour, UTC
            */7 * * * *      | every 7 minutes from minute 0 through 56 of every hour, UTC
            5/20 * * * *     | at minutes 5, 25 and 45 of every hour, UTC
            0-59/15 * * * *  | at minutes 0, 15, 30 and 45 of every hour, UTC
            */45 9 * * *     | at 09:00 and 09:45 every day, UTC
            */45 9-17 * * *  | at minutes 0 and 45 of hours 9 through 17 every day, UTC
            */7 9 * * *      | every 7 minutes from minute 0 through 56 of hour 9 every day, UTC
            */30 9 * * *     | at 09:00 and 09:30 every day, UTC
            0 */2 * * *      | at minute 0 of every 2nd hour, UTC
            0 */3 * * *      | at minute 0 of every 3rd hour, UTC
            0 */6 * * *      | at 00:00, 06:00, 12:00 and 18:00 every day, UTC
            0 */5 * * *      | at 00:00, 05:00, 10:00, 15:00 and 20:00 every day, UTC
            0 */7 * * *      | at 00:00, 07:00, 14:00 and 21:00 every day, UTC
            0 */13 * * *     | at 00:00 and 13:00 every day, UTC
            */15 */5 * * *   | every 15 minutes of hours 0, 5, 10, 15 and 20 every day, UTC
            */15 */6 * * *   | every 15 minutes of every 6th hour, UTC
            0 1-23/2 * * *   | at minute 0 of every 2nd hour from 1 through 23 every day, UTC
            0 0 */7 * *      | at 00:00 on days 1, 8, 15, 22 and 29 of the month, UTC
            0 0 */10 * *     | at 00:00 on days 1, 11, 21 and 31 of the month, UTC
            0 0 */15 * *     | at 00:00 on days 1, 16 and 31 of the month, UTC
            0 0 */2 * *      | at 00:00 on every 2nd day of the month from day 1 through 31, UTC
            0 0 */4 * *      | at 00:00 on every 4th day of the month from day 1 through 29, UTC
            0 0 2-30/2 * *   | at 00:00 on every 2nd day of the month from day 2 through 30, UTC
            0 0 */7 2 *      | at 00:00 on days 1, 8, 15, 22 and 29 of February, UTC
            0 0 1 */5 *      | at 00:00 on day 1 of the month in January, June and November, UTC
            0 0 1 */2 *      | at 00:00 on day 1 of the month in January, March, May, July, September and November, UTC
            0 0 * * */3      | at 00:00 on Wednesday, Saturday and Sunday, UTC
            """)
    void describesStepsTruthfully(String expression, String description) {
        assertEquals(description, CronSchedule.of(expression, ZoneOffset.UTC).describe());
    }

    /**
     * Whatever the step, a description that promises an interval ("every N minutes", "every Nth
     * hour", with no bounds) is kept by the ticks, across the top of the hour or the day too.
     */
    @Test
    void everyPromisedIntervalHoldsAcrossTheWrap() {
        for (int step = 2; step <= 59; step++) {
            String description = CronSchedule.of("*/" + step + " * * * *", ZoneOffset.UTC).describe();
            boolean promisesInterval = description.equals("every " + step + " minutes, UTC");
            assertEquals(60 % step == 0, promisesInterval, description);
            assertEquals(promisesInterval, gapsInMinutes("*/" + step + " * * * *", Duration.ofHours(3)).equals(Set.of((long) step)),
                    description);
        }
        for (int step = 2; step <= 23; step++) {
            String description = CronSchedule.of("0 */" + step + " * * *", ZoneOffset.UTC).describe();
            boolean promisesInterval = description.contains("of every " + CronDescriber.ordinal(step) + " hour,");
            boolean evenlySpaced = gapsInMinutes("0 */" + step + " * * *", Duration.ofDays(3)).equals(Set.of(step * 60L));
            assertEquals(24 % step == 0, evenlySpaced, description);
            assertTrue(evenlySpaced || !promisesInterval, description);
        }
    }

    /** The distinct gaps, in minutes, between consecutive ticks over {@code span}. */
    private static Set<Long> gapsInMinutes(String expression, Duration span) {
        CronSchedule schedule = CronSchedule.of(expression, ZoneOffset.UTC);
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        Set<Long> gaps = new TreeSet<>();
        Instant previous = schedule.nextRunAfter(start.minusSeconds(1)).orElseThrow();
        while (previous.isBefore(start.plus(span))) {
            Instant next = schedule.nextRunAfter(previous).orElseThrow();
            gaps.add(Duration.between(previous, next).toMinutes());
            previous = next;
        }
        return gaps;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd", "23, 23rd",
        "30, 30th"})
    void ordinals(int n, String ordinal) {
        assertEquals(ordinal, CronDescriber.ordinal(n));
    }
}
