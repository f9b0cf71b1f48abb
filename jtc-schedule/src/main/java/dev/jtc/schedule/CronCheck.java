package dev.jtc.schedule;

import java.util.Objects;

/**
 * The outcome of checking a cron expression without throwing: either the parsed
 * {@link CronExpression} or a one-line message saying what is wrong and what to write instead.
 * The annotation processor reports the message on the annotation value.
 */
public final class CronCheck {

    private final CronExpression cron;
    private final String error;

    private CronCheck(CronExpression cron, String error) {
        this.cron = cron;
        this.error = error;
    }

    static CronCheck valid(CronExpression cron) {
        return new CronCheck(Objects.requireNonNull(cron), null);
    }

    static CronCheck invalid(String error) {
        return new CronCheck(null, Objects.requireNonNull(error));
    }

    public boolean isValid() {
        return cron != null;
    }

    /** The parsed expression; only for a valid check. */
    public CronExpression cron() {
        if (cron == null) {
            throw new IllegalStateException("invalid cron expression: " + error);
        }
        return cron;
    }

    /** What is wrong, e.g. "minute 61 is out of range 0-59"; only for an invalid check. */
    public String error() {
        if (error == null) {
            throw new IllegalStateException("cron expression '" + cron + "' is valid");
        }
        return error;
    }

    @Override
    public String toString() {
        return isValid() ? "valid " + cron : "invalid: " + error;
    }
}
