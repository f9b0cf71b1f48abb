package dev.jtc.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the local times of a cron entry that a zone's daylight-saving transitions skip or repeat,
 * so the processor can warn at compile time about what {@link CronSchedule} will do on those days.
 * Two kinds of entry are affected in a way their text does not show:
 *
 * <ul>
 *   <li>a fixed-time entry (neither minute nor hour starts with {@code *}) runs once right after
 *       the jump, and once on the first copy of a repeated time;
 *   <li>an entry with {@code *} in the minute but fixed hours ({@code *}{@code /30 2 * * *})
 *       follows real time: its skipped times do not happen and its repeated times happen twice,
 *       so it runs fewer or more times that day, possibly not at all.
 * </ul>
 *
 * Entries with {@code *} in the hour run around the clock and simply follow real time: no warning.
 */
final class DaylightSavingCheck {

    /** 28 years cover every weekday and leap-year combination of a yearly rule. */
    private static final int YEARS_AHEAD = 28;

    private DaylightSavingCheck() {
    }

    static Optional<String> warning(CronExpression cron, ZoneId zone) {
        boolean fixedTime = cron.isFixedTime();
        if (!fixedTime && !cron.isStarMinuteInFixedHours()) {
            return Optional.empty();
        }
        ZoneRules rules = zone.getRules();
        List<String> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Window window : windows(rules)) {
            List<LocalTime> hit = timesInWindow(cron, window.transitions());
            if (!hit.isEmpty() && seen.add(window.gap() + " " + hit)) {
                findings.add(fixedTime ? describe(hit, window, zone) : describeRealTime(hit, window, zone, cron.timesPerDay()));
            }
        }
        return findings.isEmpty() ? Optional.empty() : Optional.of(String.join("; also, ", findings));
    }

    /** One recurring (or upcoming one-off) transition, as the transitions of the years it happens in. */
    private record Window(List<ZoneOffsetTransition> transitions, String when) {
        boolean gap() {
            return transitions.get(0).isGap();
        }
    }

    /**
     * The zone's transitions from this year on: its yearly rules, or failing those its listed
     * upcoming transitions. Only the latter (rare) case makes the outcome depend on the build date.
     */
    private static List<Window> windows(ZoneRules rules) {
        int thisYear = Year.now().getValue();
        List<Window> windows = new ArrayList<>();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (!yearly.isEmpty()) {
            for (ZoneOffsetTransitionRule rule : yearly) {
                List<ZoneOffsetTransition> transitions = new ArrayList<>();
                for (int year = thisYear; year < thisYear + YEARS_AHEAD; year++) {
                    transitions.add(rule.createTransition(year));
                }
                windows.add(new Window(transitions, ruleDay(rule)));
            }
            return windows;
        }
        // No recurring rule: look at the transitions the zone still has coming.
        ZoneOffsetTransition next = rules.nextTransition(Instant.now());
        for (int i = 0; next != null && next.getDateTimeBefore().getYear() < thisYear + YEARS_AHEAD && i < 100; i++) {
            windows.add(new Window(List.of(next), "on " + next.getDateTimeBefore().toLocalDate()));
            next = rules.nextTransition(next.getInstant());
        }
        return windows;
    }

    private static List<LocalTime> timesInWindow(CronExpression cron, List<ZoneOffsetTransition> transitions) {
        Set<LocalTime> hit = new LinkedHashSet<>();
        for (ZoneOffsetTransition transition : transitions) {
            LocalDateTime from = transition.isGap() ? transition.getDateTimeBefore() : transition.getDateTimeAfter();
            LocalDateTime to = transition.isGap() ? transition.getDateTimeAfter() : transition.getDateTimeBefore();
            for (LocalDate date = from.toLocalDate(); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
                if (!cron.matchesDay(date)) {
                    continue;
                }
                for (int m = cron.nextTimeOfDay(0); m >= 0; m = cron.nextTimeOfDay(m + 1)) {
                    LocalDateTime local = date.atTime(m / 60, m % 60);
                    if (!local.isBefore(from) && local.isBefore(to)) {
                        hit.add(local.toLocalTime());
                    }
                }
            }
        }
        return hit.stream().sorted().toList();
    }

    private static String describe(List<LocalTime> times, Window window, ZoneId zone) {
        ZoneOffsetTransition sample = window.transitions().get(0);
        String before = clock(sample.getDateTimeBefore().toLocalTime());
        String after = clock(sample.getDateTimeAfter().toLocalTime());
        List<String> clocks = times.stream().map(DaylightSavingCheck::clock).toList();
        String subject = CronDescriber.joinWith(clocks, "and") + (times.size() == 1 ? " falls" : " fall");
        if (sample.isGap()) {
            return subject + " in the daylight-saving gap of " + zone.getId() + " (clocks jump " + before + "→" + after
                    + " " + window.when() + "); " + (times.size() == 1 ? "it" : "they") + " will run at " + after
                    + " that day";
        }
        return subject + " in the repeated hour of " + zone.getId() + " (clocks go back " + before + "→" + after
                + " " + window.when() + "); " + (times.size() == 1 ? "it runs" : "each runs")
                + " once that day, at the first occurrence";
    }

    /**
     * For an entry that follows real time in fixed hours: which of its times the window takes or
     * doubles, and how many runs that leaves on the day ("so it does not run at all that day", "so
     * it runs 4 times that day instead of 2"). The count is left out for a window that spans
     * midnight, where "that day" is two days.
     */
    private static String describeRealTime(List<LocalTime> times, Window window, ZoneId zone, int timesPerDay) {
        ZoneOffsetTransition sample = window.transitions().get(0);
        String before = clock(sample.getDateTimeBefore().toLocalTime());
        String after = clock(sample.getDateTimeAfter().toLocalTime());
        String subject = timesPhrase(times);
        boolean one = times.size() == 1;
        LocalDateTime from = sample.isGap() ? sample.getDateTimeBefore() : sample.getDateTimeAfter();
        LocalDateTime to = sample.isGap() ? sample.getDateTimeAfter() : sample.getDateTimeBefore();
        boolean withinOneDay = from.toLocalDate().equals(to.minusNanos(1).toLocalDate());
        if (sample.isGap()) {
            int runs = timesPerDay - times.size();
            String count = !withinOneDay ? ""
                    : runs == 0 ? ", so it does not run at all that day"
                    : ", so it runs " + times(runs) + " that day instead of " + timesPerDay;
            return subject + (one ? " falls" : " fall") + " in the daylight-saving gap of " + zone.getId() + " (clocks jump "
                    + before + "→" + after + " " + window.when() + ") and " + (one ? "does" : "do") + " not happen that day"
                    + count;
        }
        String count = withinOneDay ? ", so it runs " + times(timesPerDay + times.size()) + " that day instead of " + timesPerDay : "";
        return subject + (one ? " falls" : " fall") + " in the repeated hour of " + zone.getId() + " (clocks go back " + before
                + "→" + after + " " + window.when() + ") and " + (one ? "happens" : "happen") + " twice" + count;
    }

    /** "02:00 and 02:30"; past six times, "the 60 times from 02:00 through 02:59". */
    private static String timesPhrase(List<LocalTime> times) {
        if (times.size() <= 6) {
            return CronDescriber.joinWith(times.stream().map(DaylightSavingCheck::clock).toList(), "and");
        }
        return "the " + times.size() + " times from " + clock(times.get(0)) + " through " + clock(times.get(times.size() - 1));
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    /** "on the last Sunday of March", "on the second Sunday of March", "on April 1". */
    private static String ruleDay(ZoneOffsetTransitionRule rule) {
        String month = rule.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        int indicator = rule.getDayOfMonthIndicator();
        if (rule.getDayOfWeek() == null) {
            return indicator > 0 ? "on " + month + " " + indicator : "on day " + indicator + " from the end of " + month;
        }
        String weekday = rule.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        // java.time encodes "last Sunday of March" as "first Sunday on or after March 25".
        if (indicator == -1 || indicator == rule.getMonth().minLength() - 6) {
            return "on the last " + weekday + " of " + month;
        }
        if (indicator < 0) {
            return "on the last " + weekday + " on or before " + month + " " + (rule.getMonth().maxLength() + 1 + indicator);
        }
        if ((indicator - 1) % 7 == 0 && indicator <= 22) {
            String[] nth = {"first", "second", "third", "fourth"};
            return "on the " + nth[(indicator - 1) / 7] + " " + weekday + " of " + month;
        }
        return "on the first " + weekday + " on or after " + month + " " + indicator;
    }

    private static String clock(LocalTime time) {
        return String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute());
    }
}
