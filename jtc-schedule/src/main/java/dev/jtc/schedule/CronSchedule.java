package dev.jtc.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression read in a zone: the schedule behind every {@code @Cron} task. The processor
 * uses it to check expressions at compile time and the scheduler to find ticks at run time, so
 * both agree on every rule.
 *
 * <p>Rules (Vixie cron's): day-of-month and day-of-week are OR-ed only when neither field starts
 * with {@code *}. On a spring-forward day a fixed-time entry (neither minute nor hour starts with
 * {@code *}) whose local time is skipped runs once, at the instant of the jump; on a fall-back day
 * it runs once, at the first occurrence. Entries with {@code *} in the minute or hour field follow
 * real time: skipped local times do not occur and repeated ones occur twice.
 */
public final class CronSchedule implements Schedule {

    /** One full Gregorian cycle: a date pattern that has not matched in 400 years never will. */
    private static final int SEARCH_YEARS = 400;
    private static final long SECONDS_PER_DAY = 86_400;
    private static final int MINUTES_PER_DAY = 24 * 60;

    private final CronExpression cron;
    private final ZoneId zone;
    private final ZoneRules rules;

    private CronSchedule(CronExpression cron, ZoneId zone) {
        this.cron = Objects.requireNonNull(cron, "cron");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
    }

    /**
     * The schedule of {@code expression} in {@code zone}.
     *
     * @throws IllegalArgumentException if the expression is not valid or can never fire; the
     *     message says why, in the words the processor uses for the same mistake
     */
    public static CronSchedule of(String expression, ZoneId zone) {
        return of(CronExpression.parse(expression), zone);
    }

    /**
     * The schedule of an already parsed expression in {@code zone}.
     *
     * @throws IllegalArgumentException if the expression can never fire ({@link CronExpression#neverFiresReason()})
     */
    public static CronSchedule of(CronExpression cron, ZoneId zone) {
        Objects.requireNonNull(cron, "cron");
        Optional<String> neverFires = cron.neverFiresReason();
        if (neverFires.isPresent()) {
            throw new IllegalArgumentException("cron expression '" + cron.text() + "' can never fire: " + neverFires.get());
        }
        return new CronSchedule(cron, zone);
    }

    /**
     * Checks {@code expression} without throwing: the parsed form, or a one-line message such as
     * "minute 61 is out of range 0-59". A valid expression may still never fire; ask
     * {@link CronExpression#neverFiresReason()} before {@link #of(CronExpression, ZoneId)}, which
     * rejects it.
     */
    public static CronCheck check(String expression) {
        return CronParser.parse(expression);
    }

    public CronExpression cron() {
        return cron;
    }

    /** The expression as written. */
    public String expression() {
        return cron.text();
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public Optional<Instant> nextRunAfter(Instant instant) {
        try {
            return Optional.ofNullable(search(instant));
        } catch (DateTimeException beyondSupportedDates) {
            return Optional.empty();
        }
    }

    @Override
    public String describe() {
        return CronDescriber.describe(cron, zone);
    }

    /**
     * For an expression in a zone with daylight-saving time: a warning if one of its local times
     * is skipped or repeated on a day it runs, saying what happens then. A fixed-time entry gets
     * e.g. "02:30 falls in the daylight-saving gap of Europe/Berlin (clocks jump 02:00→03:00 on the
     * last Sunday of March); it will run at 03:00 that day"; an entry with {@code *} in the minute
     * and fixed hours e.g. "02:00 and 02:30 fall in the daylight-saving gap of Europe/Berlin (...)
     * and do not happen that day, so it does not run at all that day". Entries with {@code *} in
     * the hour get none. Empty when no transition affects it. Only a warning: what runs is the
     * rule in this class's description.
     */
    public Optional<String> dstWarning() {
        return DaylightSavingCheck.warning(cron, zone);
    }

    private Instant search(Instant after) {
        // Start a day early: a local day can begin before the local date of "after" says.
        LocalDate day = LocalDate.ofInstant(after, zone).minusDays(1);
        LocalDate end = day.plusYears(SEARCH_YEARS);
        while (!day.isAfter(end)) {
            if (!cron.month().has(day.getMonthValue())) {
                day = day.withDayOfMonth(1).plusMonths(1);
                continue;
            }
            if (cron.matchesDay(day)) {
                Candidate found = firstOnDay(day, after);
                if (found != null) {
                    return found.repeatedCopy ? earlierOfNextDay(found.instant, day.plusDays(1), after) : found.instant;
                }
            }
            day = day.plusDays(1);
        }
        return null;
    }

    /** A second copy of a repeated hour that spans midnight may come after the next day's first run. */
    private Instant earlierOfNextDay(Instant found, LocalDate nextDay, Instant after) {
        if (cron.matchesDay(nextDay)) {
            Candidate next = firstOnDay(nextDay, after);
            if (next != null && next.instant.isBefore(found)) {
                return next.instant;
            }
        }
        return found;
    }

    private Candidate firstOnDay(LocalDate day, Instant after) {
        ZoneOffset offset = constantOffsetAround(day);
        if (offset != null) {
            long dayStart = day.toEpochDay() * SECONDS_PER_DAY - offset.getTotalSeconds();
            long secondsIntoDay = after.getEpochSecond() - dayStart;
            // A tick at minute m is after "after" when m * 60 > secondsIntoDay.
            int fromMinute = secondsIntoDay < 0 ? 0 : (int) Math.min(MINUTES_PER_DAY, secondsIntoDay / 60 + 1);
            int minuteOfDay = cron.nextTimeOfDay(fromMinute);
            return minuteOfDay < 0 ? null : new Candidate(Instant.ofEpochSecond(dayStart + minuteOfDay * 60L), false);
        }
        return firstOnTransitionDay(day, after);
    }

    /** Walks the day's local times in order; instants are monotonic except for second copies. */
    private Candidate firstOnTransitionDay(LocalDate day, Instant after) {
        boolean fixedTime = cron.isFixedTime();
        Candidate best = null;
        for (int m = cron.nextTimeOfDay(0); m >= 0; m = cron.nextTimeOfDay(m + 1)) {
            LocalDateTime local = day.atTime(m / 60, m % 60);
            List<ZoneOffset> offsets = rules.getValidOffsets(local);
            Instant first;
            if (offsets.size() == 1) {
                first = local.toInstant(offsets.get(0));
            } else if (offsets.isEmpty()) {
                if (!fixedTime) {
                    continue; // real time: a skipped local time does not occur
                }
                first = rules.getTransition(local).getInstant(); // runs right after the jump
            } else {
                Instant one = local.toInstant(offsets.get(0));
                Instant two = local.toInstant(offsets.get(1));
                first = one.isBefore(two) ? one : two;
                if (!fixedTime) {
                    best = better(best, one.isBefore(two) ? two : one, true, after);
                }
            }
            best = better(best, first, false, after);
            if (best != null && !first.isBefore(best.instant)) {
                break; // every later local time starts at or after this one
            }
        }
        return best;
    }

    private static Candidate better(Candidate best, Instant instant, boolean repeatedCopy, Instant after) {
        if (instant.isAfter(after) && (best == null || instant.isBefore(best.instant))) {
            return new Candidate(instant, repeatedCopy);
        }
        return best;
    }

    /** The zone's offset if it does not change within two days either side of {@code day}; else null. */
    private ZoneOffset constantOffsetAround(LocalDate day) {
        if (rules.isFixedOffset()) {
            return rules.getOffset(Instant.EPOCH);
        }
        Instant from = Instant.ofEpochSecond((day.toEpochDay() - 2) * SECONDS_PER_DAY);
        ZoneOffsetTransition next = rules.nextTransition(from);
        if (next == null || next.getInstant().getEpochSecond() > from.getEpochSecond() + 5 * SECONDS_PER_DAY) {
            return rules.getOffset(from);
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && cron.equals(that.cron) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return cron.hashCode() * 31 + zone.hashCode();
    }

    @Override
    public String toString() {
        return "cron '" + cron.text() + "' in " + CronDescriber.zoneName(zone);
    }

    private record Candidate(Instant instant, boolean repeatedCopy) {
    }
}
