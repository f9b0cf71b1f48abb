package dev.jtc.processor.model;

import dev.jtc.schedule.DurationCheck;
import dev.jtc.schedule.Durations;
import java.time.Duration;

/**
 * A {@code @Job(rateLimit = ...)} as jtc reads it, {@code "<count>/<duration>"}: at most
 * {@code count} attempts started in any window of {@code per} ({@code "100/1m"}, {@code "10/1s"},
 * {@code "5/PT30S"}). The duration is any that {@link Durations} reads, and both parts must be
 * positive. Validation reports {@link #check}'s reason; writing reads the parts of a valid one.
 */
public record RateLimit(int count, Duration per) {

    /** A rate limit, or the reason {@code text} is none (what is wrong, not yet what to write). */
    public record Check(RateLimit rate, String error) {

        public boolean isValid() {
            return rate != null;
        }
    }

    public static Check check(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Check(null, "it has no '/' between the count and the duration");
        }
        String count = text.substring(0, slash);
        String window = text.substring(slash + 1);
        int parsedCount;
        try {
            parsedCount = count.chars().allMatch(Character::isDigit) ? Integer.parseInt(count) : -1;
        } catch (NumberFormatException tooLarge) {
            parsedCount = -1;
        }
        if (parsedCount < 1) {
            return new Check(null, "the count '" + count + "' is not a whole number from 1 to " + Integer.MAX_VALUE);
        }
        DurationCheck duration = Durations.check(window);
        if (!duration.isValid()) {
            return new Check(null, "after the '/', " + duration.error());
        }
        if (!Durations.isPositive(duration.duration())) {
            return new Check(null, "the duration '" + window + "' is not longer than zero");
        }
        return new Check(new RateLimit(parsedCount, duration.duration()), null);
    }

    /**
     * Parses a rate limit that validation accepted.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static RateLimit parse(String text) {
        Check check = check(text);
        if (!check.isValid()) {
            throw new IllegalArgumentException(check.error());
        }
        return check.rate();
    }
}
