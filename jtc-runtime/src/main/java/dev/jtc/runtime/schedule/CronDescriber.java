package dev.jtc.runtime.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Puts a parsed cron expression into plain English for generated javadoc, {@code list} and the
 * dashboard: "at 09:00 on Monday through Friday, Europe/Berlin", "every 15 minutes, UTC". Common
 * shapes get a natural phrase; anything else is phrased field by field, never left as raw syntax.
 */
final class CronDescriber {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    /** Above this many combinations, times are phrased per field instead of listed as HH:MM. */
    private static final int MAX_LISTED_TIMES = 6;

    private CronDescriber() {
    }

    static String describe(CronExpression cron, ZoneId zone) {
        String time = timePhrase(cron.minute(), cron.hour());
        String days = dayPhrase(cron);
        StringBuilder text = new StringBuilder(time);
        if (!days.isEmpty()) {
            text.append(' ').append(days);
        } else if (!cron.hour().starPrefixed() && !cron.hour().coversAll()) {
            text.append(" every day");
        }
        String months = monthPhrase(cron);
        if (!months.isEmpty()) {
            text.append(' ').append(months);
        }
        return text.append(", ").append(zoneName(zone)).toString();
    }

    static String zoneName(ZoneId zone) {
        ZoneId normalized = zone.normalized();
        return normalized.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    static String monthName(int month) {
        return MONTHS[month - 1];
    }

    // ---- time of day ----

    private static String timePhrase(CronFieldValues minute, CronFieldValues hour) {
        boolean explicitTimes = !minute.starPrefixed() && !hour.starPrefixed()
                && minute.singleSteppedTerm() == null && hour.singleSteppedTerm() == null;
        if (explicitTimes && minute.count() * hour.count() <= MAX_LISTED_TIMES) {
            List<String> times = new ArrayList<>();
            for (int h : hour.values()) {
                for (int m : minute.values()) {
                    times.add(twoDigits(h) + ":" + twoDigits(m));
                }
            }
            return "at " + joinWith(times, "and");
        }
        String minutes = minutePhrase(minute);
        if (hour.coversAll()) {
            boolean periodic = minute.coversAll() || (minute.singleSteppedTerm() != null && minute.singleSteppedTerm().star());
            return periodic ? minutes : minutes + " of every hour";
        }
        return minutes + " " + hourPhrase(hour);
    }

    private static String minutePhrase(CronFieldValues minute) {
        if (minute.coversAll()) {
            return "every minute";
        }
        CronTerm stepped = minute.singleSteppedTerm();
        if (stepped != null) {
            String every = "every " + stepped.step() + " minutes";
            return stepped.star() ? every : every + " from minute " + stepped.from() + " through " + lastValue(minute);
        }
        return minute.count() == 1 ? "at minute " + minute.first() : "at minutes " + valueList(minute, Integer::toString);
    }

    private static String hourPhrase(CronFieldValues hour) {
        if (hour.coversAll()) {
            return "of every hour";
        }
        CronTerm stepped = hour.singleSteppedTerm();
        if (stepped != null && stepped.star()) {
            return "of every " + ordinal(stepped.step()) + " hour";
        }
        if (stepped != null) {
            return "of every " + ordinal(stepped.step()) + " hour from " + stepped.from() + " through " + lastValue(hour);
        }
        return hour.count() == 1 ? "of hour " + hour.first() : "of hours " + valueList(hour, Integer::toString);
    }

    // ---- days ----

    private static String dayPhrase(CronExpression cron) {
        CronFieldValues dom = cron.dayOfMonth();
        CronFieldValues dow = cron.dayOfWeek();
        boolean domAll = dom.coversAll();
        boolean dowAll = dow.coversAll();
        if (cron.usesOrSemantics()) {
            if (domAll || dowAll) {
                return "";
            }
            return dayOfMonthPhrase(dom, cron) + " and on " + weekdayList(dow, "and");
        }
        if (domAll && dowAll) {
            return "";
        }
        if (domAll) {
            return "on " + weekdayList(dow, "and");
        }
        String days = dayOfMonthPhrase(dom, cron);
        return dowAll ? days : days + " if it is a " + weekdayList(dow, "or");
    }

    private static String dayOfMonthPhrase(CronFieldValues dom, CronExpression cron) {
        boolean namesMonth = mentionsMonthInDays(cron);
        String ofWhat = namesMonth ? MONTHS[cron.month().first() - 1] : "the month";
        if (namesMonth && dom.count() == 1) {
            return "on " + ofWhat + " " + dom.first();
        }
        CronTerm stepped = dom.singleSteppedTerm();
        if (stepped != null) {
            String every = "on every " + ordinal(stepped.step()) + " day of " + ofWhat;
            return stepped.star() ? every : every + " from day " + stepped.from() + " through " + lastValue(dom);
        }
        return dom.count() == 1
                ? "on day " + dom.first() + " of " + ofWhat
                : "on days " + valueList(dom, Integer::toString) + " of " + ofWhat;
    }

    private static String weekdayList(CronFieldValues dow, String conjunction) {
        // Sunday is stored as 0; list it after Saturday when both are there (SAT,SUN; FRI-7).
        List<Integer> days = dow.values();
        boolean sundayLast = days.contains(0) && days.contains(6);
        if (sundayLast) {
            days.remove(Integer.valueOf(0));
            days.add(7);
        }
        return runs(days, value -> DAYS[value % 7], conjunction);
    }

    // ---- months ----

    private static String monthPhrase(CronExpression cron) {
        CronFieldValues month = cron.month();
        if (month.coversAll() || mentionsMonthInDays(cron)) {
            return "";
        }
        CronTerm stepped = month.singleSteppedTerm();
        if (stepped != null && stepped.star()) {
            return "in every " + ordinal(stepped.step()) + " month";
        }
        return "in " + valueList(month, value -> MONTHS[value - 1]);
    }

    private static boolean singleMonth(CronExpression cron) {
        return cron.month().count() == 1;
    }

    /** Whether the day phrase names the single month itself ("on January 1", "on every 2nd day of May"). */
    private static boolean mentionsMonthInDays(CronExpression cron) {
        return singleMonth(cron) && !cron.usesOrSemantics() && !cron.dayOfMonth().coversAll();
    }

    // ---- words ----

    private static String valueList(CronFieldValues field, IntFunction<String> name) {
        return runs(field.values(), name, "and");
    }

    /** "1 through 5", "0, 15 and 30", "Monday through Friday and Sunday": runs of 3+ become ranges. */
    static String runs(List<Integer> values, IntFunction<String> name, String conjunction) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(name.apply(values.get(i)) + " through " + name.apply(values.get(j)));
                i = j + 1;
            } else {
                parts.add(name.apply(values.get(i)));
                i++;
            }
        }
        return joinWith(parts, conjunction);
    }

    static String joinWith(List<String> parts, String conjunction) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + conjunction + " " + parts.get(parts.size() - 1);
    }

    private static int lastValue(CronFieldValues field) {
        return 63 - Long.numberOfLeadingZeros(field.bits());
    }

    static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
