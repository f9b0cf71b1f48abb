package dev.jtc.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads jtc's cron syntax (Unix five fields, names, ranges, steps, lists, {@code 7} = Sunday and
 * the {@code @daily}-style aliases) into a {@link CronExpression}. jtc parses cron itself rather
 * than through cron-utils so that the messages can name the field, the value and the fix, and so
 * that the semantics are exactly Vixie cron's.
 */
final class CronParser {

    private static final String FIELDS = "minute hour day-of-month month day-of-week";

    private static final Map<String, String> ALIASES = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /** A year field as Quartz or a hand-added sixth field writes it: 2026, 2026-2030, 2026,2027, 2026/2. */
    private static final Pattern YEAR = Pattern.compile("(19[7-9][0-9]|2[0-9]{3})([-,/][0-9]+)*");

    /** A seconds field that asks for several runs a minute: *, *&#47;10, 0,30, 0-30/5. */
    private static final Pattern SECONDS_SPEC = Pattern.compile("\\*(/[0-9]+)?|[0-9]+([-,/][0-9]+)+|[0-9]+(-[0-9]+)?/[0-9]+");

    private static final String ALIAS_LIST = "@yearly, @annually, @monthly, @weekly, @daily, @midnight or @hourly";

    private CronParser() {
    }

    static CronCheck parse(String expression) {
        try {
            return CronCheck.valid(parseOrThrow(expression));
        } catch (SyntaxError error) {
            return CronCheck.invalid(error.getMessage());
        }
    }

    private static CronExpression parseOrThrow(String expression) throws SyntaxError {
        if (expression == null || expression.isBlank()) {
            throw new SyntaxError("the cron expression is empty: write 5 fields (" + FIELDS
                    + "), e.g. \"0 * * * *\", or an alias such as @daily");
        }
        String text = expression.strip();
        String fields = text.startsWith("@") ? expandAlias(text) : text;
        String[] parts = fields.split("\\s+");
        if (parts.length != CronField.values().length) {
            throw new SyntaxError(fieldCountMessage(parts));
        }
        List<CronFieldValues> values = new ArrayList<>(parts.length);
        for (CronField field : CronField.values()) {
            values.add(parseField(field, parts[field.ordinal()]));
        }
        return new CronExpression(text, String.join(" ", parts), values);
    }

    private static String expandAlias(String text) throws SyntaxError {
        String[] words = text.split("\\s+");
        String alias = words[0].toLowerCase(Locale.ROOT);
        if (alias.equals("@reboot")) {
            throw new SyntaxError("@reboot is not supported: jtc runs schedules inside workers, which start and stop"
                    + " at any time; run start-up work from your application's main, or use " + ALIAS_LIST);
        }
        if (alias.startsWith("@every")) {
            throw new SyntaxError(everyMessage(text.substring("@every".length()).strip()));
        }
        String fields = ALIASES.get(alias);
        if (fields == null) {
            throw new SyntaxError("unknown alias " + words[0] + ": use " + ALIAS_LIST + ", or 5 fields (" + FIELDS + ")");
        }
        if (words.length > 1) {
            throw new SyntaxError("the alias " + words[0] + " stands alone: remove '"
                    + text.substring(words[0].length()).strip() + "' or write 5 fields (" + FIELDS + ")");
        }
        return fields;
    }

    /** Go's robfig/cron writes intervals as {@code @every 5m}; jtc has {@code @Every} for them. */
    private static String everyMessage(String interval) {
        DurationCheck duration = Durations.check(interval);
        String every = duration.isValid() && Durations.isPositive(duration.duration())
                ? "@Every(\"" + interval + "\")"
                : "@Every with a duration such as \"5m\" or \"1h30m\"";
        return "@every is an interval in Go's robfig/cron syntax, not a cron expression: write " + every
                + " on the method instead of @Cron";
    }

    /**
     * The message for a wrong number of fields, the one error that explains the five fields. Six or
     * seven fields are usually Quartz or Spring cron (seconds first, Quartz's optional year last)
     * or a Unix expression with a year added: those are told which field to drop and given the
     * five fields that remain; only seconds that ask for more than one run a minute are sent to
     * {@code @Every}.
     */
    private static String fieldCountMessage(String[] parts) {
        String prefix = "5 fields expected (" + FIELDS + "), got " + parts.length;
        String hint = parts.length == 6 || parts.length == 7 ? extraFieldsHint(parts) : null;
        return prefix + ": " + (hint != null ? hint
                : "write e.g. \"0 9 * * MON-FRI\" (09:00 on weekdays), or an alias such as @daily");
    }

    private static String extraFieldsHint(String[] parts) {
        boolean yearLast = YEAR.matcher(parts[parts.length - 1]).matches();
        if (parts.length == 6 && yearLast) {
            return "the last field looks like a year, and jtc has no year field: drop it" + suggestion(parts, 0, 5)
                    + " (the task then runs every year; check the year inside the task if it must not)";
        }
        String seconds = parts[0];
        if (isNumber(seconds)) {
            boolean quartz = String.join(" ", parts).contains("?");
            String what = parts.length == 7
                    ? "this looks like Quartz cron, whose first field is seconds and last field the year, and jtc has"
                            + " neither: drop both"
                    : "this looks like Quartz or Spring cron, whose first field is seconds, and jtc has no seconds field:"
                            + " drop it";
            String days = quartz && parts[5].matches(".*[0-9].*")
                    ? "; note that Quartz numbers days of the week 1-7 from Sunday, jtc 0-7 with 1 = Monday, so write"
                            + " names such as MON-FRI"
                    : "";
            // With Quartz's weekday numbers the five fields left would mean other days: no suggestion then.
            return what + (quartz ? " and write '?' as '*'" : "") + (days.isEmpty() ? suggestion(parts, 1, 6) : days);
        }
        if (SECONDS_SPEC.matcher(seconds).matches()) {
            return "the first field reads as seconds ('" + seconds + "'), and cron runs at most once a minute: for a"
                    + " schedule more often than that use " + everyFor(seconds);
        }
        return null;
    }

    /** {@code @Every("10s")} for {@code *}{@code /10}, {@code @Every("1s")} for {@code *}; else a general hint. */
    private static String everyFor(String seconds) {
        if (seconds.equals("*")) {
            return "@Every(\"1s\")";
        }
        if (seconds.startsWith("*/") && isNumber(seconds.substring(2))) {
            return "@Every(\"" + Integer.parseInt(seconds.substring(2)) + "s\")";
        }
        return "@Every with the interval you need, such as @Every(\"15s\")";
    }

    /** ": \"0 12 * * *\"" if fields {@code from} to {@code to} (with '?' as '*') are a valid expression; else "". */
    private static String suggestion(String[] parts, int from, int to) {
        String[] kept = new String[to - from];
        for (int i = from; i < to; i++) {
            kept[i - from] = parts[i].equals("?") ? "*" : parts[i];
        }
        String candidate = String.join(" ", kept);
        return parse(candidate).isValid() ? ": \"" + candidate + "\"" : "";
    }

    private static CronFieldValues parseField(CronField field, String text) throws SyntaxError {
        long bits = 0;
        List<CronTerm> terms = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw new SyntaxError(field.label() + " field '" + text + "' has an empty list item: write values separated"
                        + " by single commas, e.g. 0,15,30");
            }
            CronTerm term = parseTerm(field, item);
            terms.add(term);
            for (int value = term.from(); value <= term.to(); value += term.step()) {
                bits |= 1L << (field == CronField.DAY_OF_WEEK && value == 7 ? 0 : value);
            }
        }
        return new CronFieldValues(field, text, bits, terms);
    }

    private static CronTerm parseTerm(CronField field, String item) throws SyntaxError {
        String base = item;
        int step = 1;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            base = item.substring(0, slash);
            step = parseStep(field, item, item.substring(slash + 1));
        }
        if (base.equals("*")) {
            return new CronTerm(field.min(), field.max(), step, true);
        }
        if (base.isEmpty()) {
            throw new SyntaxError(field.label() + " '" + item + "' has no start before '/': write */" + step
                    + " or a range such as " + field.min() + "-" + field.max() + "/" + step);
        }
        if (base.startsWith("*")) {
            throw invalidItem(field, item);
        }
        int dash = base.indexOf('-');
        if (dash < 0) {
            int value = parseValue(field, base, item);
            // "a/n" runs from a to the end of the field, as in cronie and cron-utils.
            return new CronTerm(value, slash >= 0 ? field.max() : value, step, false);
        }
        if (dash == 0) {
            throw new SyntaxError(field.label() + " '" + item + "' is not valid: values are never negative and a range"
                    + " needs a start, e.g. " + field.min() + "-5");
        }
        String startText = base.substring(0, dash);
        String endText = base.substring(dash + 1);
        if (endText.isEmpty() || endText.contains("-")) {
            throw invalidItem(field, item);
        }
        int start = parseValue(field, startText, item);
        int end = parseValue(field, endText, item);
        if (field == CronField.DAY_OF_WEEK && end == 0 && !isNumber(endText)) {
            end = 7; // FRI-SUN reads as Friday through Sunday
        }
        if (start > end) {
            int lastValue = field == CronField.DAY_OF_WEEK && !isNumber(startText) ? 6 : field.max();
            String upToMax = start == lastValue ? startText : startText + "-" + maxText(field, startText);
            String wrapped = end != field.min() ? upToMax + "," + minText(field, startText) + "-" + endText
                    : field == CronField.DAY_OF_WEEK ? upToMax // 7 is Sunday too
                    : upToMax + "," + endText;
            throw new SyntaxError(field.label() + " range " + startText + "-" + endText + " is backwards: write "
                    + wrapped + " to wrap around");
        }
        return new CronTerm(start, end, step, false);
    }

    private static int parseStep(CronField field, String item, String stepText) throws SyntaxError {
        int largest = field.max() - field.min();
        if (stepText.isEmpty()) {
            throw new SyntaxError(field.label() + " '" + item + "' has no step after '/': write e.g. */2");
        }
        if (!isNumber(stepText)) {
            throw new SyntaxError(field.label() + " step '" + stepText + "' in '" + item + "' is not a number: write e.g. */2");
        }
        int step = stepText.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(stepText);
        if (step == 0) {
            throw new SyntaxError(field.label() + " step 0 in '" + item + "' must be at least 1: write e.g. */2");
        }
        if (step > largest) {
            String hint = field == CronField.MINUTE || field == CronField.HOUR
                    ? "; steps restart every " + (field == CronField.MINUTE ? "hour" : "day")
                            + ", so for a longer interval use @Every(\"" + stepText + (field == CronField.MINUTE ? "m" : "h") + "\")"
                    : "";
            throw new SyntaxError(field.label() + " step " + stepText + " in '" + item + "' is out of range 1-" + largest + hint);
        }
        return step;
    }

    private static int parseValue(CronField field, String token, String item) throws SyntaxError {
        if (isNumber(token)) {
            int value = token.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(token);
            if (value < field.min() || value > field.max()) {
                throw new SyntaxError(field.label() + " " + token + " is out of range " + field.rangeText());
            }
            return value;
        }
        String upper = token.toUpperCase(Locale.ROOT);
        if (field.hasNames() && field.valueOfName(upper) >= 0) {
            return field.valueOfName(upper);
        }
        if (upper.equals("?")) {
            throw new SyntaxError("'?' is Quartz syntax, not Unix cron: write * in the " + field.label() + " field");
        }
        if (upper.contains("#") || upper.equals("L") || upper.equals("LW") || upper.matches("[0-9A-Z]*[0-9][LW]")
                || upper.matches("[A-Z]{3}L")) {
            throw new SyntaxError(field.label() + " '" + token + "' is Quartz syntax (L, W, #), which Unix cron does not have:"
                    + " write plain values, ranges, steps and lists, e.g. day-of-month 1-7 with day-of-week * and check"
                    + " the weekday in the task");
        }
        if (!field.hasNames()) {
            throw new SyntaxError(field.label() + " '" + token + "' is not a number: write a value in " + field.rangeText());
        }
        if (upper.length() > 3 && field.valueOfName(upper.substring(0, 3)) >= 0) {
            throw new SyntaxError(field.label() + " '" + token + "' is not known: write the three-letter name "
                    + upper.substring(0, 3));
        }
        throw new SyntaxError(field.label() + " '" + token + "' is not known: write " + field.rangeText() + " ("
                + field.namesText() + ")");
    }

    private static SyntaxError invalidItem(CronField field, String item) {
        return new SyntaxError(field.label() + " '" + item + "' is not valid: write *, a value (" + field.rangeText()
                + "), a range a-b, a step */n or a-b/n, or a list of these separated by commas");
    }

    private static String maxText(CronField field, String like) {
        if (field.hasNames() && !isNumber(like)) {
            return field == CronField.MONTH ? "DEC" : "SAT";
        }
        return String.valueOf(field.max());
    }

    private static String minText(CronField field, String like) {
        if (field.hasNames() && !isNumber(like)) {
            return field == CronField.MONTH ? "JAN" : "SUN";
        }
        return String.valueOf(field.min());
    }

    private static boolean isNumber(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A parse failure; its message is the user-facing line. No stack trace: it never escapes. */
    private static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }
}
