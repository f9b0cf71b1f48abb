package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link CronSchedule#check} accepts and rejects, and the messages it gives. */
class CronSyntaxTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 * * * *              | 0 * * * *
            */15 * * * *           | */15 * * * *
            0 9 * * MON-FRI        | 0 9 * * MON-FRI
            0 9 * * mon-fri        | 0 9 * * mon-fri
            30 4 1,15 * 5          | 30 4 1,15 * 5
            1-30/5 * * * *         | 1-30/5 * * * *
            5/20 * * * *           | 5/20 * * * *
            0 0 1 JAN,jul,Dec *     | 0 0 1 JAN,jul,Dec *
            0 0 * * 7              | 0 0 * * 7
            0 0 * * 0-7            | 0 0 * * 0-7
            0 0 * * FRI-SUN        | 0 0 * * FRI-SUN
            0 0 29 2 *             | 0 0 29 2 *
            59 23 31 12 6          | 59 23 31 12 6
            0 0 */2 * 1            | 0 0 */2 * 1
            '  0   12 *  * * '     | 0 12 * * *
            0\t12\t*\t*\t*         | 0 12 * * *
            @yearly                | 0 0 1 1 *
            @annually              | 0 0 1 1 *
            @monthly               | 0 0 1 * *
            @weekly                | 0 0 * * 0
            @daily                 | 0 0 * * *
            @midnight              | 0 0 * * *
            @hourly                | 0 * * * *
            @DAILY                 | 0 0 * * *
            """)
    void validExpressionsParse(String expression, String fields) {
        CronCheck check = CronSchedule.check(expression.replace("\\t", "\t"));

        assertTrue(check.isValid(), () -> check.toString());
        assertEquals(fields, check.cron().fields());
        assertEquals(expression.replace("\\t", "\t").strip(), check.cron().text());
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                        | the cron expression is empty
            '   '                     | the cron expression is empty
            61 * * * *                | minute 61 is out of range 0-59
            0 24 * * *                | hour 24 is out of range 0-23
            0 0 32 * *                | day-of-month 32 is out of range 1-31
            0 0 0 * *                 | day-of-month 0 is out of range 1-31
            0 0 * 13 *                | month 13 is out of range 1-12 or JAN-DEC
            0 0 * 0 *                 | month 0 is out of range 1-12
            0 0 * * 8                 | day-of-week 8 is out of range 0-7 or SUN-SAT (0 and 7 are Sunday)
            99999999999 * * * *       | minute 99999999999 is out of range 0-59
            0 0 * * * *               | 5 fields expected (minute hour day-of-month month day-of-week), got 6: this looks like Quartz or Spring cron
            * * *                     | 5 fields expected (minute hour day-of-month month day-of-week), got 3
            @reboot                   | @reboot is not supported
            @REBOOT                   | @reboot is not supported
            @every5m                  | @every is an interval in Go's robfig/cron syntax, not a cron expression: write @Every("5m")
            @weekly5                  | unknown alias @weekly5: use @yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly
            @daily 5                  | the alias @daily stands alone
            0 0 * JANUARY *           | month 'JANUARY' is not known: write the three-letter name JAN
            0 0 * * MONDAY            | day-of-week 'MONDAY' is not known: write the three-letter name MON
            0 0 * FOO *               | month 'FOO' is not known: write 1-12 or JAN-DEC (JAN, FEB, MAR
            0 0 * * XYZ               | day-of-week 'XYZ' is not known
            0 MON * * *               | hour 'MON' is not a number: write a value in 0-23
            a * * * *                 | minute 'a' is not a number
            */0 * * * *               | minute step 0 in '*/0' must be at least 1
            */60 * * * *              | minute step 60 in '*/60' is out of range 1-59; steps restart every hour, so for a longer interval use @Every("60m")
            0 */24 * * *              | hour step 24 in '*/24' is out of range 1-23
            */ * * * *                | minute '*/' has no step after '/'
            */x * * * *               | minute step 'x' in '*/x' is not a number
            /5 * * * *                | minute '/5' has no start before '/'
            30-10 * * * *             | minute range 30-10 is backwards: write 30-59,0-10 to wrap around
            0 0 * * FRI-MON           | day-of-week range FRI-MON is backwards: write FRI-SAT,SUN-MON to wrap around
            0 0 * * 5-0               | day-of-week range 5-0 is backwards: write 5-7 to wrap around
            0 0 * * SAT-MON           | day-of-week range SAT-MON is backwards: write SAT,SUN-MON to wrap around
            59-0 * * * *              | minute range 59-0 is backwards: write 59,0 to wrap around
            0 0 * NOV-FEB *           | month range NOV-FEB is backwards: write NOV-DEC,JAN-FEB to wrap around
            0 0 ? * *                 | '?' is Quartz syntax, not Unix cron: write * in the day-of-month field
            0 0 L * *                 | day-of-month 'L' is Quartz syntax (L, W, #)
            0 0 15W * *               | day-of-month '15W' is Quartz syntax
            0 0 * * 5#3               | day-of-week '5#3' is Quartz syntax
            0 0 * * 5L                | day-of-week '5L' is Quartz syntax
            1,,2 * * * *              | minute field '1,,2' has an empty list item
            '1, * * * *'              | minute field '1,' has an empty list item
            0, * * * *                | minute field '0,' has an empty list item
            *-5 * * * *               | minute '*-5' is not valid
            1-2-3 * * * *             | minute '1-2-3' is not valid
            1- * * * *                | minute '1-' is not valid
            -5 * * * *                | minute '-5' is not valid: values are never negative
            1/2/3 * * * *             | minute step '2/3' in '1/2/3' is not a number
            """)
    void invalidExpressionsSayWhatIsWrong(String expression, String messageFragment) {
        CronCheck check = CronSchedule.check(expression);

        assertFalse(check.isValid(), () -> expression + " should be invalid, got " + check);
        assertTrue(check.error().contains(messageFragment), () -> "message was: " + check.error());
        assertFalse(check.error().contains("\n"), "one line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 12 * * ?           | 6: this looks like Quartz or Spring cron, whose first field is seconds, and jtc has no seconds field: drop it and write '?' as '*': "0 12 * * *"
            0 30 9 ? * MON-FRI     | 6: this looks like Quartz or Spring cron, whose first field is seconds, and jtc has no seconds field: drop it and write '?' as '*': "30 9 * * MON-FRI"
            0 30 9 ? * 2-6         | 6: this looks like Quartz or Spring cron, whose first field is seconds, and jtc has no seconds field: drop it and write '?' as '*'; note that Quartz numbers days of the week 1-7 from Sunday, jtc 0-7 with 1 = Monday, so write names such as MON-FRI
            0 0 * * * *            | 6: this looks like Quartz or Spring cron, whose first field is seconds, and jtc has no seconds field: drop it: "0 * * * *"
            0 0 12 * * ? 2026      | 7: this looks like Quartz cron, whose first field is seconds and last field the year, and jtc has neither: drop both and write '?' as '*': "0 12 * * *"
            0 12 * * * 2026        | 6: the last field looks like a year, and jtc has no year field: drop it: "0 12 * * *" (the task then runs every year; check the year inside the task if it must not)
            0 12 1 1 * 2026-2030   | 6: the last field looks like a year, and jtc has no year field: drop it: "0 12 1 1 *" (the task then runs every year; check the year inside the task if it must not)
            */10 * * * * *         | 6: the first field reads as seconds ('*/10'), and cron runs at most once a minute: for a schedule more often than that use @Every("10s")
            * * * * * *            | 6: the first field reads as seconds ('*'), and cron runs at most once a minute: for a schedule more often than that use @Every("1s")
            0,30 * * * * *         | 6: the first field reads as seconds ('0,30'), and cron runs at most once a minute: for a schedule more often than that use @Every with the interval you need, such as @Every("15s")
            a b c d e f            | 6: write e.g. "0 9 * * MON-FRI" (09:00 on weekdays), or an alias such as @daily
            0 9 * *                | 4: write e.g. "0 9 * * MON-FRI" (09:00 on weekdays), or an alias such as @daily
            """)
    void aWrongFieldCountSaysWhichFieldToDrop(String expression, String afterGot) {
        assertEquals("5 fields expected (minute hour day-of-month month day-of-week), got " + afterGot,
                CronSchedule.check(expression).error());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            @every 5m      | @Every("5m")
            @every 1h30m   | @Every("1h30m")
            @EVERY 90s     | @Every("90s")
            @every         | @Every with a duration such as "5m" or "1h30m"
            @every 1.5h    | @Every with a duration such as "5m" or "1h30m"
            """)
    void goStyleEveryPointsToTheEveryAnnotation(String expression, String every) {
        assertEquals("@every is an interval in Go's robfig/cron syntax, not a cron expression: write " + every
                + " on the method instead of @Cron", CronSchedule.check(expression).error());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 0 32 * *", "0 0 ? * *", "61 * * * *", "@reboot", "0 0 * * MONDAY"})
    void errorsWithFiveFieldsDoNotExplainTheFiveFields(String expression) {
        String error = CronSchedule.check(expression).error();
        assertFalse(error.contains("5 fields"), error);
        assertFalse(error.contains("day-of-month month day-of-week"), error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 0 30 2 *", "0 0 31 2 *", "0 0 30,31 FEB *", "0 0 31 4,6,9,11 *", "0 0 31 APR *",
        "0 0 30-31 2 *", "0 0 31 2 */2", "0 0 31 2,4 *", "0 0 31 2 *"})
    void expressionsThatCanNeverFireAreDetectedAndRejectedAsSchedules(String expression) {
        CronExpression cron = CronSchedule.check(expression).cron();

        assertTrue(cron.neverFires(), expression);
        String expected = "cron expression '" + expression + "' can never fire: " + cron.neverFiresReason().orElseThrow();
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> CronSchedule.of(cron, ZoneOffset.UTC)).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.of(expression, ZoneId.of("Europe/Berlin"))).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0 0 29 2 *",         // leap years
        "0 0 30 2 MON",       // neither field starts with *: OR, so every Monday in February
        "0 0 31 2 1-5",       // OR again
        "0 0 */30 2 *",       // days 1 and 31: the 1st exists
        "0 0 31 2,3 *",       // March 31
        "0 0 30,31 2,4 *",    // April 30
        "0 0 29 2 */2",       // AND, but Feb 29 falls on every weekday over the years
        "0 0 31 * *",
        "* * * * *"})
    void expressionsThatCanFireAreNotFlagged(String expression) {
        CronExpression cron = CronSchedule.check(expression).cron();

        assertFalse(cron.neverFires(), expression);
        assertTrue(CronSchedule.of(cron, ZoneOffset.UTC).nextRunAfter(java.time.Instant.EPOCH).isPresent());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 0 31 4 *          | day-of-month 31 never occurs in April (April has 30 days); choose a day that exists, such as "0 0 30 4 *"
            0 0 31 APR *        | day-of-month 31 never occurs in April (April has 30 days); choose a day that exists, such as "0 0 30 APR *"
            0 0 30 2 *          | day-of-month 30 never occurs in February (February has 28 days, 29 in leap years); choose a day that exists, such as "0 0 28 2 *"
            0 0 31 4,6,9,11 *   | day-of-month 31 never occurs in April, June, September or November (April, June, September and November have 30 days); choose a day that exists, such as "0 0 30 4,6,9,11 *"
            0 0 30,31 2 *       | days-of-month 30,31 never occur in February (February has 28 days, 29 in leap years); choose a day that exists, such as "0 0 28 2 *"
            15  6  31 2,4 */2   | day-of-month 31 never occurs in February or April (February has 28 days, 29 in leap years; April has 30 days); choose a day that exists, such as "15 6 28 2,4 */2"
            """)
    void neverFiringReasonNamesTheDayAndMonths(String expression, String reason) {
        assertEquals(reason, CronSchedule.check(expression).cron().neverFiresReason().orElseThrow());
    }

    @ParameterizedTest(name = "{0} fixed time: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            30 2 * * *        | true
            0,30 1-3 * * *    | true
            @daily            | true
            @hourly           | false
            */30 * * * *      | false
            30 * * * *        | false
            * 2 * * *         | false
            0 */2 * * *       | false
            """)
    void fixedTimeMeansNeitherMinuteNorHourStartsWithStar(String expression, boolean fixedTime) {
        assertEquals(fixedTime, CronSchedule.check(expression).cron().isFixedTime());
    }

    @org.junit.jupiter.api.Test
    void throwingFactoriesCarryTheCheckMessage() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CronSchedule.of("0 0 32 * *", ZoneOffset.UTC));

        assertEquals("invalid cron expression '0 0 32 * *': day-of-month 32 is out of range 1-31", error.getMessage());
        assertThrows(IllegalStateException.class, () -> CronSchedule.check("0 0 32 * *").cron());
        assertThrows(IllegalStateException.class, () -> CronSchedule.check("0 0 1 * *").error());
    }
}
