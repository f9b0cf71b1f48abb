package dev.jtc.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link CronSchedule#nextRunAfter} against Vixie cron's behaviour. Every expected instant is
 * written out by hand with its offset (weekdays checked against a calendar), never computed by the
 * code under test.
 */
class CronNextRunTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> utcCases() {
        return Stream.of(
                // expression, start (exclusive), the next ticks in order
                cases("0 * * * *", "2026-01-01T10:00Z", "2026-01-01T11:00Z", "2026-01-01T12:00Z"),
                cases("*/15 * * * *", "2026-01-01T10:07Z", "2026-01-01T10:15Z", "2026-01-01T10:30Z", "2026-01-01T10:45Z",
                        "2026-01-01T11:00Z"),
                cases("1-30/5 * * * *", "2026-01-01T10:21Z", "2026-01-01T10:26Z", "2026-01-01T11:01Z", "2026-01-01T11:06Z"),
                cases("5/20 * * * *", "2026-01-01T10:00Z", "2026-01-01T10:05Z", "2026-01-01T10:25Z", "2026-01-01T10:45Z",
                        "2026-01-01T11:05Z"),
                cases("0 8,12,18 * * *", "2026-01-01T12:00Z", "2026-01-01T18:00Z", "2026-01-02T08:00Z"),
                cases("59 23 31 12 *", "2026-06-01T00:00Z", "2026-12-31T23:59Z", "2027-12-31T23:59Z"),
                // Vixie's star rule: */2 starts with *, so AND: odd days that are Mondays (Jan 5, 19; Feb 9, 23)
                cases("0 0 */2 * 1", "2026-01-01T00:00Z", "2026-01-05T00:00Z", "2026-01-19T00:00Z", "2026-02-09T00:00Z",
                        "2026-02-23T00:00Z"),
                // neither starts with *: OR, every Monday and every 1st (Feb 1 2026 is a Sunday)
                cases("0 0 1 * 1", "2026-01-25T00:00Z", "2026-01-26T00:00Z", "2026-02-01T00:00Z", "2026-02-02T00:00Z",
                        "2026-02-09T00:00Z"),
                // day-of-week */2 (Sun, Tue, Thu, Sat) AND the 1st: Jan 1 Thu, Feb 1 Sun, Mar 1 Sun, Aug 1 Sat
                cases("0 0 1 * */2", "2025-12-31T00:00Z", "2026-01-01T00:00Z", "2026-02-01T00:00Z", "2026-03-01T00:00Z",
                        "2026-08-01T00:00Z"),
                // day-of-month */2 with day-of-week *: just the odd days
                cases("0 0 */2 * *", "2026-01-30T12:00Z", "2026-01-31T00:00Z", "2026-02-01T00:00Z", "2026-02-03T00:00Z"),
                // 7 is Sunday, like 0 and SUN (Jan 4 and 11 2026 are Sundays)
                cases("0 0 * * 7", "2026-01-01T00:00Z", "2026-01-04T00:00Z", "2026-01-11T00:00Z"),
                cases("0 0 * * 0", "2026-01-01T00:00Z", "2026-01-04T00:00Z", "2026-01-11T00:00Z"),
                cases("0 0 * * sun", "2026-01-01T00:00Z", "2026-01-04T00:00Z", "2026-01-11T00:00Z"),
                cases("0 0 * * 5-7", "2026-01-01T00:00Z", "2026-01-02T00:00Z", "2026-01-03T00:00Z", "2026-01-04T00:00Z",
                        "2026-01-09T00:00Z"),
                cases("0 0 * * FRI-SUN", "2026-01-01T00:00Z", "2026-01-02T00:00Z", "2026-01-03T00:00Z", "2026-01-04T00:00Z",
                        "2026-01-09T00:00Z"),
                cases("30 9 * * MON-FRI", "2026-01-02T09:30Z", "2026-01-05T09:30Z", "2026-01-06T09:30Z"),
                cases("0 0 1 jan,Jul *", "2026-01-01T00:00Z", "2026-07-01T00:00Z", "2027-01-01T00:00Z"),
                cases("0 0 1 */3 *", "2026-01-01T00:00Z", "2026-04-01T00:00Z", "2026-07-01T00:00Z", "2026-10-01T00:00Z",
                        "2027-01-01T00:00Z"),
                // leap day: 2028 and 2032 only
                cases("0 0 29 2 *", "2026-01-01T00:00Z", "2028-02-29T00:00Z", "2032-02-29T00:00Z"),
                // day-of-week */7 is Sunday only but starts with *, so AND: Feb 29 that is a Sunday (2032, then 2060)
                cases("0 0 29 2 */7", "2026-01-01T00:00Z", "2032-02-29T00:00Z", "2060-02-29T00:00Z"),
                // end of month: months with 31 days only
                cases("0 0 31 * *", "2026-01-31T00:00Z", "2026-03-31T00:00Z", "2026-05-31T00:00Z", "2026-07-31T00:00Z",
                        "2026-08-31T00:00Z", "2026-10-31T00:00Z"),
                cases("0 0 30 * *", "2026-01-30T00:00Z", "2026-03-30T00:00Z", "2026-04-30T00:00Z"),
                // aliases
                cases("@hourly", "2026-01-01T10:30Z", "2026-01-01T11:00Z", "2026-01-01T12:00Z"),
                cases("@daily", "2026-01-01T10:30Z", "2026-01-02T00:00Z", "2026-01-03T00:00Z"),
                cases("@midnight", "2026-01-01T00:00Z", "2026-01-02T00:00Z"),
                cases("@weekly", "2026-01-01T00:00Z", "2026-01-04T00:00Z", "2026-01-11T00:00Z"),
                cases("@monthly", "2026-01-15T00:00Z", "2026-02-01T00:00Z", "2026-03-01T00:00Z"),
                cases("@yearly", "2026-01-01T00:00Z", "2027-01-01T00:00Z", "2028-01-01T00:00Z"),
                cases("@annually", "2025-12-31T23:59Z", "2026-01-01T00:00Z"),
                // year, month and day roll-overs
                cases("* * * * *", "2026-12-31T23:58Z", "2026-12-31T23:59Z", "2027-01-01T00:00Z", "2027-01-01T00:01Z"));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("utcCases")
    void matchesVixieCronInUtc(String expression, String start, List<String> expected) {
        assertEquals(expected, ticks(CronSchedule.of(expression, ZoneOffset.UTC), start, expected.size()));
    }

    @Test
    void nextRunIsStrictlyAfterTheInstantEvenWithFractionsOfASecond() {
        CronSchedule everyMinute = CronSchedule.of("* * * * *", ZoneOffset.UTC);

        assertEquals(Instant.parse("2026-01-01T10:01:00Z"), everyMinute.nextRunAfter(Instant.parse("2026-01-01T10:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2026-01-01T10:01:00Z"),
                everyMinute.nextRunAfter(Instant.parse("2026-01-01T10:00:59.999999999Z")).orElseThrow());
        assertEquals(Instant.parse("2026-01-01T10:01:00Z"),
                everyMinute.nextRunAfter(Instant.parse("2026-01-01T10:00:00.000000001Z")).orElseThrow());
    }

    @Test
    void zonesWithoutDaylightSavingShiftEveryTick() {
        CronSchedule tokyoMorning = CronSchedule.of("0 9 * * *", ZoneId.of("Asia/Tokyo"));
        CronSchedule fixedOffset = CronSchedule.of("0 9 * * *", ZoneOffset.ofHoursMinutes(5, 30));

        assertEquals(Instant.parse("2026-01-02T00:00:00Z"), tokyoMorning.nextRunAfter(Instant.parse("2026-01-01T00:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("2026-01-01T03:30:00Z"), fixedOffset.nextRunAfter(Instant.parse("2026-01-01T00:00:00Z")).orElseThrow());
    }

    @Test
    void farInThePastAndFutureStillWork() {
        CronSchedule daily = CronSchedule.of("@daily", ZoneOffset.UTC);

        assertEquals(Instant.parse("1900-01-02T00:00:00Z"), daily.nextRunAfter(Instant.parse("1900-01-01T00:00:00Z")).orElseThrow());
        assertEquals(Instant.parse("3000-01-02T00:00:00Z"), daily.nextRunAfter(Instant.parse("3000-01-01T00:00:00Z")).orElseThrow());
        assertEquals(java.util.Optional.empty(), daily.nextRunAfter(Instant.MAX));
    }

    // ---- daylight saving, 2026: Berlin jumps 02:00 -> 03:00 on March 29 and 03:00 -> 02:00 on October 25;
    // ---- New York jumps 02:00 -> 03:00 on March 8 and 02:00 -> 01:00 on November 1.

    static Stream<Arguments> dstCases() {
        return Stream.of(
                // spring forward, fixed time in the gap: once, right after the jump (03:00 CEST = 01:00Z)
                zoned(BERLIN, "30 2 * * *", "2026-03-28T12:00+01:00", "2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00"),
                zoned(BERLIN, "0 2 * * *", "2026-03-28T12:00+01:00", "2026-03-29T03:00+02:00", "2026-03-30T02:00+02:00"),
                // two fixed times in the gap are one tick (a tick is its instant)
                zoned(BERLIN, "0,30 2 * * *", "2026-03-28T12:00+01:00", "2026-03-29T03:00+02:00", "2026-03-30T02:00+02:00"),
                // fixed times around the gap are untouched
                zoned(BERLIN, "30 1,3 * * *", "2026-03-28T12:00+01:00", "2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00",
                        "2026-03-30T01:30+02:00"),
                // '*' entries follow real time: 02:00 and 02:30 simply do not happen
                zoned(BERLIN, "*/30 * * * *", "2026-03-29T01:00+01:00", "2026-03-29T01:30+01:00", "2026-03-29T03:00+02:00",
                        "2026-03-29T03:30+02:00"),
                zoned(BERLIN, "30 * * * *", "2026-03-29T00:45+01:00", "2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00"),
                zoned(BERLIN, "* 2 * * *", "2026-03-28T23:00+01:00", "2026-03-30T02:00+02:00"),
                // fall back, fixed time in the repeated hour: once, at the first copy
                zoned(BERLIN, "30 2 * * *", "2026-10-25T00:00+02:00", "2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00"),
                zoned(BERLIN, "0,30 2 * * *", "2026-10-25T00:00+02:00", "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00",
                        "2026-10-26T02:00+01:00"),
                // asked from inside the second copy, the fixed entry waits for the next day
                zoned(BERLIN, "30 2 * * *", "2026-10-25T02:15+01:00", "2026-10-26T02:30+01:00"),
                // '*' entries run in both copies
                zoned(BERLIN, "*/30 * * * *", "2026-10-25T01:30+02:00", "2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00",
                        "2026-10-25T02:00+01:00", "2026-10-25T02:30+01:00", "2026-10-25T03:00+01:00"),
                zoned(BERLIN, "30 * * * *", "2026-10-25T01:00+02:00", "2026-10-25T01:30+02:00", "2026-10-25T02:30+02:00",
                        "2026-10-25T02:30+01:00", "2026-10-25T03:30+01:00"),
                zoned(BERLIN, "*/30 * * * *", "2026-10-25T02:40+02:00", "2026-10-25T02:00+01:00"),
                zoned(BERLIN, "*/30 * * * *", "2026-10-25T02:15+01:00", "2026-10-25T02:30+01:00"),
                // ordinary days around the transitions keep their offsets
                zoned(BERLIN, "0 9 * * MON-FRI", "2026-03-27T09:00+01:00", "2026-03-30T09:00+02:00"),
                zoned(BERLIN, "0 9 * * MON-FRI", "2026-10-23T09:00+02:00", "2026-10-26T09:00+01:00"),
                // New York
                zoned(NEW_YORK, "0 2 * * *", "2026-03-07T12:00-05:00", "2026-03-08T03:00-04:00", "2026-03-09T02:00-04:00"),
                zoned(NEW_YORK, "30 2 * * *", "2026-03-07T12:00-05:00", "2026-03-08T03:00-04:00", "2026-03-09T02:30-04:00"),
                zoned(NEW_YORK, "*/30 * * * *", "2026-03-08T01:00-05:00", "2026-03-08T01:30-05:00", "2026-03-08T03:00-04:00"),
                zoned(NEW_YORK, "30 1 * * *", "2026-10-31T12:00-04:00", "2026-11-01T01:30-04:00", "2026-11-02T01:30-05:00"),
                zoned(NEW_YORK, "*/30 * * * *", "2026-11-01T00:30-04:00", "2026-11-01T01:00-04:00", "2026-11-01T01:30-04:00",
                        "2026-11-01T01:00-05:00", "2026-11-01T01:30-05:00", "2026-11-01T02:00-05:00"),
                zoned(NEW_YORK, "30 * * * *", "2026-11-01T00:00-04:00", "2026-11-01T00:30-04:00", "2026-11-01T01:30-04:00",
                        "2026-11-01T01:30-05:00", "2026-11-01T02:30-05:00"),
                zoned(NEW_YORK, "@daily", "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00"));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("dstCases")
    void followsVixieCronAcrossDaylightSavingTransitions(String zoneAndExpression, String start, List<String> expected) {
        String[] parts = zoneAndExpression.split(" ", 2);
        CronSchedule schedule = CronSchedule.of(parts[1], ZoneId.of(parts[0]));

        List<String> actual = ticks(schedule, start, expected.size());

        assertEquals(expected.stream().map(CronNextRunTest::utc).toList(), actual);
    }

    @Test
    void aZoneThatSkipsAWholeDayRunsFixedEntriesAtTheJump() {
        // Samoa moved across the date line: 2011-12-30 did not exist in Pacific/Apia (29th 23:59:59 -10:00 -> 31st 00:00 +14:00).
        CronSchedule noon = CronSchedule.of("0 12 * * *", ZoneId.of("Pacific/Apia"));
        CronSchedule hourly = CronSchedule.of("0 * * * *", ZoneId.of("Pacific/Apia"));

        assertEquals(List.of(utc("2011-12-29T12:00-10:00"), utc("2011-12-31T00:00+14:00"), utc("2011-12-31T12:00+14:00")),
                ticks(noon, "2011-12-29T00:00-10:00", 3));
        assertEquals(List.of(utc("2011-12-29T23:00-10:00"), utc("2011-12-31T00:00+14:00"), utc("2011-12-31T01:00+14:00")),
                ticks(hourly, "2011-12-29T22:30-10:00", 3));
    }

    private static List<String> ticks(CronSchedule schedule, String start, int count) {
        List<String> ticks = new ArrayList<>();
        Instant at = OffsetDateTime.parse(withSeconds(start)).toInstant();
        for (int i = 0; i < count; i++) {
            at = schedule.nextRunAfter(at).orElseThrow();
            ticks.add(at.toString());
        }
        return ticks;
    }

    private static String withSeconds(String start) {
        // "2026-03-28T12:00+01:00" -> "2026-03-28T12:00:00+01:00"; "2026-01-01T10:00Z" -> "2026-01-01T10:00:00Z"
        int zoneStart = start.indexOf('Z') >= 0 ? start.indexOf('Z') : Math.max(start.lastIndexOf('+'), start.lastIndexOf('-'));
        return start.substring(0, zoneStart) + ":00" + start.substring(zoneStart);
    }

    private static String utc(String offsetDateTime) {
        return OffsetDateTime.parse(withSeconds(offsetDateTime)).toInstant().toString();
    }

    private static Arguments cases(String expression, String start, String... expected) {
        return Arguments.of(expression, start, Arrays.stream(expected).map(CronNextRunTest::utc).toList());
    }

    private static Arguments zoned(ZoneId zone, String expression, String start, String... expected) {
        return Arguments.of(zone.getId() + " " + expression, start, Arrays.asList(expected));
    }
}
