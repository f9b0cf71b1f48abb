package dev.jtc.schedule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the durations jtc accepts everywhere ({@code @Every}, {@code timeout}, backoff
 * bounds, command-line options): the short form {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d},
 * {@code 250ms} (units largest first, each at most once) or ISO-8601 such as {@code PT30S}.
 */
public final class Durations {

    private static final Pattern SHORT_FORM = Pattern.compile(
            "(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final String EXAMPLES = "write 30s, 5m, 1h30m, 2d or ISO-8601 like PT30S";

    private Durations() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not a duration; the message says what to write
     */
    public static Duration parse(String text) {
        DurationCheck check = check(text);
        if (!check.isValid()) {
            throw new IllegalArgumentException(check.error());
        }
        return check.duration();
    }

    /** Parses {@code text} without throwing. Zero and negative values are valid here; see {@link #isPositive}. */
    public static DurationCheck check(String text) {
        if (text == null || text.isEmpty()) {
            return DurationCheck.invalid("the duration is empty: " + EXAMPLES);
        }
        char first = text.charAt(0);
        if (first == 'P' || first == 'p' || ((first == '-' || first == '+') && text.length() > 1
                && (text.charAt(1) == 'P' || text.charAt(1) == 'p'))) {
            return checkIso(text);
        }
        Matcher matcher = SHORT_FORM.matcher(text);
        if (!matcher.matches()) {
            return DurationCheck.invalid("'" + text + "' is not a duration: " + EXAMPLES);
        }
        try {
            Duration total = Duration.ZERO;
            total = total.plus(Duration.ofDays(amount(matcher.group(1))));
            total = total.plus(Duration.ofHours(amount(matcher.group(2))));
            total = total.plus(Duration.ofMinutes(amount(matcher.group(3))));
            total = total.plus(Duration.ofSeconds(amount(matcher.group(4))));
            total = total.plus(Duration.ofMillis(amount(matcher.group(5))));
            return DurationCheck.valid(total);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            return DurationCheck.invalid("'" + text + "' is too large for a duration: " + EXAMPLES);
        }
    }

    private static DurationCheck checkIso(String text) {
        try {
            return DurationCheck.valid(Duration.parse(text));
        } catch (DateTimeParseException notIso) {
            return DurationCheck.invalid("'" + text + "' is not an ISO-8601 duration: write e.g. PT30S, PT5M, PT1H30M or P2D"
                    + " (no months or years), or the short form 30s, 5m, 1h30m, 2d");
        }
    }

    private static long amount(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    /** Whether {@code duration} is longer than zero, as {@code @Every} and timeouts require. */
    public static boolean isPositive(Duration duration) {
        return !duration.isZero() && !duration.isNegative();
    }

    /**
     * The short form of {@code duration}: "30s", "1h30m", "2d", "250ms", "0s". Durations the short
     * form cannot express (negative, or finer than a millisecond) come out in ISO-8601, which
     * {@link #parse} reads back as well.
     */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        if (duration.isNegative() || duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toString();
        }
        StringBuilder text = new StringBuilder();
        append(text, duration.toDaysPart(), "d");
        append(text, duration.toHoursPart(), "h");
        append(text, duration.toMinutesPart(), "m");
        append(text, duration.toSecondsPart(), "s");
        append(text, duration.toMillisPart(), "ms");
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount != 0) {
            text.append(amount).append(unit);
        }
    }
}
