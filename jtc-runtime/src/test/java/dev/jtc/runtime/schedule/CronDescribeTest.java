package dev.jtc.runtime.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
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
            5-10/2 * * * *          | UTC            | every 2 minutes from minute 5 through 9 of every hour, UTC
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
            0 0 */2 * 1             | UTC            | at 00:00 on every 2nd day of the month if it is a Monday, UTC
            0 0 1 1 */2             | UTC            | at 00:00 on January 1 if it is a Tuesday, Thursday, Saturday or Sunday, UTC
            0 0 1-31 * MON          | UTC            | at 00:00 every day, UTC
            0 0 5-25/10 * *         | UTC            | at 00:00 on every 10th day of the month from day 5 through 25, UTC
            0 0 1,15 * *            | UTC            | at 00:00 on days 1 and 15 of the month, UTC
            0 4 8-14 * *            | UTC            | at 04:00 on days 8 through 14 of the month, UTC
            0 0 * 12 *              | UTC            | at 00:00 every day in December, UTC
            0 12 * JAN,APR,JUL,OCT * | UTC           | at 12:00 every day in January, April, July and October, UTC
            0 0 1 */3 *             | UTC            | at 00:00 on day 1 of the month in every 3rd month, UTC
            0 0 1 1 MON             | UTC            | at 00:00 on day 1 of the month and on Monday in January, UTC
            0 0 * * 1 | America/New_York | at 00:00 on Monday, America/New_York
            """)
    void describesInPlainWords(String expression, String zone, String description) {
        assertEquals(description, CronSchedule.of(expression, ZoneId.of(zone)).describe());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1st", "2, 2nd", "3, 3rd", "4, 4th", "11, 11th", "12, 12th", "13, 13th", "21, 21st", "22, 22nd", "23, 23rd",
        "30, 30th"})
    void ordinals(int n, String ordinal) {
        assertEquals(ordinal, CronDescriber.ordinal(n));
    }
}
