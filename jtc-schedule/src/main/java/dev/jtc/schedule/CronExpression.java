package dev.jtc.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cron expression that has been parsed and found valid, independent of any zone. It is what
 * {@link CronSchedule#check(String)} hands the annotation processor and what a {@link CronSchedule}
 * evaluates, so the compile-time checks and the run-time ticks read one model.
 *
 * <p>Day matching follows Vixie cron: day-of-month and day-of-week are OR-ed only when neither
 * field starts with {@code *}; otherwise both must match.
 */
public final class CronExpression {

    private final String text;
    private final String fields;
    private final CronFieldValues minute;
    private final CronFieldValues hour;
    private final CronFieldValues dayOfMonth;
    private final CronFieldValues month;
    private final CronFieldValues dayOfWeek;

    CronExpression(String text, String fields, List<CronFieldValues> values) {
        this.text = text;
        this.fields = fields;
        this.minute = values.get(0);
        this.hour = values.get(1);
        this.dayOfMonth = values.get(2);
        this.month = values.get(3);
        this.dayOfWeek = values.get(4);
    }

    /** Parses {@code expression}, or throws {@link IllegalArgumentException} with the reason. */
    public static CronExpression parse(String expression) {
        CronCheck check = CronParser.parse(expression);
        if (!check.isValid()) {
            throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + check.error());
        }
        return check.cron();
    }

    /** The expression as written (surrounding blanks removed), e.g. {@code "@daily"}. */
    public String text() {
        return text;
    }

    /** The five fields, with an alias spelled out: {@code "@daily"} gives {@code "0 0 * * *"}. */
    public String fields() {
        return fields;
    }

    /**
     * Whether the entry runs at fixed local times: neither the minute nor the hour field starts
     * with {@code *}. Fixed-time entries get Vixie cron's daylight-saving treatment (a time in the
     * spring gap runs right after the jump; a repeated time runs once).
     */
    public boolean isFixedTime() {
        return !minute.starPrefixed() && !hour.starPrefixed();
    }

    /**
     * Whether the minute field starts with {@code *} and the hour field does not
     * ({@code *}{@code /30 2 * * *}): an entry that follows real time within fixed hours, so a
     * daylight-saving transition in one of those hours takes runs away or adds them.
     */
    boolean isStarMinuteInFixedHours() {
        return minute.starPrefixed() && !hour.starPrefixed();
    }

    /** How many times a day the entry runs on a day it runs, daylight saving aside. */
    int timesPerDay() {
        return minute.count() * hour.count();
    }

    /** Whether no date can ever match, e.g. {@code 0 0 30 2 *}. */
    public boolean neverFires() {
        return neverFiresReason().isPresent();
    }

    /**
     * Why no date can ever match and what to write instead, e.g. "day-of-month 31 never occurs in
     * April (April has 30 days); choose a day that exists, such as "0 0 30 4 *"", or empty if the
     * expression fires. The hint names the months written and suggests the largest day that every
     * one of them has in every year. Cheap: it compares the smallest day-of-month with the longest
     * length of each allowed month (February counting its 29th).
     *
     * <p>The processor reports this text as a compile error and {@link CronSchedule#of} throws it,
     * so a registry built by hand is held to the same rule as an annotation.
     */
    public Optional<String> neverFiresReason() {
        // With OR semantics any weekday matches in every month; with AND semantics a weekday
        // restriction never rules a date out for good, since every date cycles through all weekdays.
        if (usesOrSemantics()) {
            return Optional.empty();
        }
        int smallestDay = dayOfMonth.first();
        List<Month> months = new ArrayList<>();
        for (int value : month.values()) {
            if (smallestDay <= Month.of(value).maxLength()) {
                return Optional.empty();
            }
            months.add(Month.of(value));
        }
        String days = dayOfMonth.count() == 1
                ? "day-of-month " + smallestDay + " never occurs"
                : "days-of-month " + dayOfMonth.text() + " never occur";
        List<String> names = months.stream().map(m -> CronDescriber.monthName(m.getValue())).toList();
        int dayInEveryMonth = months.stream().mapToInt(Month::minLength).min().orElseThrow();
        return Optional.of(days + " in " + CronDescriber.joinWith(names, "or") + " (" + monthLengths(months)
                + "); choose a day that exists, such as \"" + withDayOfMonth(dayInEveryMonth) + "\"");
    }

    /** "April has 30 days", "February has 28 days, 29 in leap years; April and June have 30 days". */
    private static String monthLengths(List<Month> months) {
        List<String> parts = new ArrayList<>();
        if (months.contains(Month.FEBRUARY)) {
            parts.add("February has 28 days, 29 in leap years");
        }
        List<String> thirty = months.stream().filter(m -> m.maxLength() == 30)
                .map(m -> CronDescriber.monthName(m.getValue())).toList();
        if (!thirty.isEmpty()) {
            parts.add(CronDescriber.joinWith(thirty, "and") + (thirty.size() == 1 ? " has" : " have") + " 30 days");
        }
        return String.join("; ", parts);
    }

    /** The five fields with day-of-month replaced by {@code day}: the expression a hint suggests. */
    private String withDayOfMonth(int day) {
        String[] parts = fields.split(" ");
        parts[CronField.DAY_OF_MONTH.ordinal()] = Integer.toString(day);
        return String.join(" ", parts);
    }

    /** Whether {@code date} is a day this expression runs on (month and the Vixie day rule). */
    public boolean matchesDay(LocalDate date) {
        if (!month.has(date.getMonthValue())) {
            return false;
        }
        boolean domMatches = dayOfMonth.has(date.getDayOfMonth());
        boolean dowMatches = dayOfWeek.has(cronDayOfWeek(date.getDayOfWeek()));
        return usesOrSemantics() ? domMatches || dowMatches : domMatches && dowMatches;
    }

    /**
     * The first minute of the day ({@code hour * 60 + minute}) at or after {@code fromMinuteOfDay}
     * that the minute and hour fields allow, or -1 if there is none that day.
     */
    int nextTimeOfDay(int fromMinuteOfDay) {
        if (fromMinuteOfDay >= 24 * 60) {
            return -1;
        }
        int firstMinute = Math.max(0, fromMinuteOfDay) % 60;
        for (int h = Math.max(0, fromMinuteOfDay) / 60; h < 24; h++, firstMinute = 0) {
            if (hour.has(h)) {
                long minutes = minute.bits() & (-1L << firstMinute);
                if (minutes != 0) {
                    return h * 60 + Long.numberOfTrailingZeros(minutes);
                }
            }
        }
        return -1;
    }

    /** Vixie's rule: day-of-month OR day-of-week only when neither field starts with {@code *}. */
    boolean usesOrSemantics() {
        return !dayOfMonth.starPrefixed() && !dayOfWeek.starPrefixed();
    }

    static int cronDayOfWeek(DayOfWeek day) {
        return day.getValue() % 7;
    }

    CronFieldValues minute() {
        return minute;
    }

    CronFieldValues hour() {
        return hour;
    }

    CronFieldValues dayOfMonth() {
        return dayOfMonth;
    }

    CronFieldValues month() {
        return month;
    }

    CronFieldValues dayOfWeek() {
        return dayOfWeek;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
