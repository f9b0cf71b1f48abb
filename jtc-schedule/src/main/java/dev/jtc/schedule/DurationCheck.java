package dev.jtc.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of checking a duration string without throwing: the {@link Duration}, or a
 * one-line message saying what to write instead. The processor reports the message on the
 * annotation value ({@code @Every}, {@code timeout}).
 */
public final class DurationCheck {

    private final Duration duration;
    private final String error;

    private DurationCheck(Duration duration, String error) {
        this.duration = duration;
        this.error = error;
    }

    static DurationCheck valid(Duration duration) {
        return new DurationCheck(Objects.requireNonNull(duration), null);
    }

    static DurationCheck invalid(String error) {
        return new DurationCheck(null, Objects.requireNonNull(error));
    }

    public boolean isValid() {
        return duration != null;
    }

    /** The parsed duration; only for a valid check. It may be zero or negative (ISO {@code PT-5S}). */
    public Duration duration() {
        if (duration == null) {
            throw new IllegalStateException("invalid duration: " + error);
        }
        return duration;
    }

    /** What is wrong and what to write; only for an invalid check. */
    public String error() {
        if (error == null) {
            throw new IllegalStateException("duration " + Durations.format(duration) + " is valid");
        }
        return error;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + Durations.format(duration) : "invalid: " + error;
    }
}
