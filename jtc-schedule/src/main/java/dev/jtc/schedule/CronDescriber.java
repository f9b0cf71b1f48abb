package dev.jtc.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Puts a parsed cron expression into plain English for generated javadoc, {@code list} and the
 * dashboard: "at 09:00 on Monday through Friday, Europe/Berlin", "every 15 minutes, UTC". Common
 * shapes get a natural phrase; anything else is phrased field by field, never left as raw syntax.
 *
 * <p>Steps restart at the start of each field's range, so a step is only phrased as a true
 * interval ("every 15 minutes", "every 2nd hour") when it divides the field's cycle (60 minutes,
 * 24 hours). {@code *}{@code /45} in minutes fires at :00 and :45, 15 minutes apart across the hour,
 * and is phrased as those minutes; a day-of-month step counts from day 1 and restarts with each
 * month ({@code *}{@code /7} is days 1, 8, 15, 22 and 29), so it is listed or bounded, never an interval.
 */
final class CronDescriber {

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

    /** Above this many combinations, times are phrased per field instead of listed as HH:MM. */
    private static final int MAX_LISTED_TIMES = 6;

    /** Above this many values, a stepped field is phrased as a bounded step instead of listed. */
    private static final int MAX_LISTED_VALUES = 6;

    /** How one field's values are put into words. */
    private enum Shape {
        /** Every value of the field's range. */
        ALL,
        /** {@code *}{@code /n} with n dividing the cycle: a true interval, "every 15 minutes". */
        PERIODIC,
        /** One stepped item with many values, phrased with its bounds: "every 7 minutes from minute 0 through 56". */
        STEPPED,
        /** The values themselves: "at minutes 0 and 45". */
        LISTED
    }

    private CronDescriber() {
    }

    static String describe(CronExpression cron, ZoneId zone) {
        Shape minute = shape(cron.minute(), CronField.MINUTE);
        Shape hour = shape(cron.hour(), CronField.HOUR);
        boolean listedTimes = listsTimes(cron, minute, hour);
        String time = listedTimes ? timeList(cron.minute(), cron.hour()) : timePhrase(cron.minute(), minute, cron.hour(), hour);
        String days = dayPhrase(cron);
        StringBuilder text = new StringBuilder(time);
        if (!days.isEmpty()) {
            text.append(' ').append(days);
        } else if (listedTimes || hour == Shape.STEPPED || hour == Shape.LISTED) {
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

    // ---- shapes ----

    private static Shape shape(CronFieldValues values, CronField field) {
        if (values.coversAll()) {
            return Shape.ALL;
        }
        CronTerm stepped = values.singleSteppedTerm();
        if (stepped == null) {
            return Shape.LISTED;
        }
        int cycle = field == CronField.MINUTE ? 60 : field == CronField.HOUR ? 24 : 0;
        if (stepped.star() && cycle > 0 && cycle % stepped.step() == 0 && values.count() > 1) {
            return Shape.PERIODIC;
        }
        return values.count() > MAX_LISTED_VALUES ? Shape.STEPPED : Shape.LISTED;
    }

    // ---- time of day ----

    /** Whether the times of day are few enough to list as HH:MM ("at 09:00 and 09:45"). */
    private static boolean listsTimes(CronExpression cron, Shape minute, Shape hour) {
        return minute != Shape.ALL && hour != Shape.ALL
                && cron.minute().count() * cron.hour().count() <= MAX_LISTED_TIMES;
    }

    private static String timeList(CronFieldValues minute, CronFieldValues hour) {
        List<String> times = new ArrayList<>();
        for (int h : hour.values()) {
            for (int m : minute.values()) {
                times.add(twoDigits(h) + ":" + twoDigits(m));
            }
        }
        return "at " + joinWith(times, "and");
    }

    private static String timePhrase(CronFieldValues minute, Shape minuteShape, CronFieldValues hour, Shape hourShape) {
        String minutes = minutePhrase(minute, minuteShape);
        if (hourShape == Shape.ALL) {
            boolean periodic = minuteShape == Shape.ALL || minuteShape == Shape.PERIODIC;
            return periodic ? minutes : minutes + " of every hour";
        }
        return minutes + " " + hourPhrase(hour, hourShape);
    }

    private static String minutePhrase(CronFieldValues minute, Shape shape) {
        return switch (shape) {
            case ALL -> "every minute";
            case PERIODIC -> "every " + minute.singleSteppedTerm().step() + " minutes";
            case STEPPED -> "every " + minute.singleSteppedTerm().step() + " minutes from minute " + minute.first()
                    + " through " + lastValue(minute);
            case LISTED -> minute.count() == 1 ? "at minute " + minute.first() : "at minutes " + valueList(minute, Integer::toString);
        };
    }

    private static String hourPhrase(CronFieldValues hour, Shape shape) {
        return switch (shape) {
            case ALL -> "of every hour";
            case PERIODIC -> "of every " + ordinal(hour.singleSteppedTerm().step()) + " hour";
            case STEPPED -> "of every " + ordinal(hour.singleSteppedTerm().step()) + " hour from " + hour.first()
                    + " through " + lastValue(hour);
            case LISTED -> hour.count() == 1 ? "of hour " + hour.first() : "of hours " + valueList(hour, Integer::toString);
        };
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
        if (shape(dom, CronField.DAY_OF_MONTH) == Shape.STEPPED) {
            // Bounded on purpose: the step counts from its first day and restarts with each month.
            return "on every " + ordinal(dom.singleSteppedTerm().step()) + " day of " + ofWhat + " from day " + dom.first()
                    + " through " + lastValue(dom);
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
        // Always by name: a step of months has at most six values, and "every 3rd month" hides which ones.
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
