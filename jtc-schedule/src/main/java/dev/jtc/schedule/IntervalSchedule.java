package dev.jtc.schedule;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schedule behind {@code @Every}: ticks at whole multiples of the interval since
 * 1970-01-01T00:00Z, so every worker computes the same ticks without talking to the others.
 */
public final class IntervalSchedule implements Schedule {

    /**
     * The finest interval whose ticks all run. The scheduler sleeps until each tick, not only
     * from poll to poll, so {@code @Every("200ms")} runs five times a second; but a tick is told
     * apart by its millisecond (the Redis broker records ticks as epoch milliseconds, as the wire
     * protocol writes every time, and claims only a tick later than the last), so of several
     * ticks in one millisecond only the first runs.
     */
    public static final Duration RESOLUTION = Duration.ofMillis(1);

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final Duration interval;
    private final BigInteger intervalNanos;

    private IntervalSchedule(Duration interval) {
        this.interval = interval;
        this.intervalNanos = nanos(interval.getSeconds(), interval.getNano());
    }

    /**
     * Ticks every {@code interval}.
     *
     * @throws IllegalArgumentException if the interval is zero or negative
     */
    public static IntervalSchedule of(Duration interval) {
        if (!Durations.isPositive(interval)) {
            throw new IllegalArgumentException("interval must be positive, got " + Durations.format(interval)
                    + ": write e.g. 30s, 5m or 1h30m");
        }
        return new IntervalSchedule(interval);
    }

    public Duration interval() {
        return interval;
    }

    /**
     * For an interval shorter than {@link #RESOLUTION}: what the scheduler will do with it instead,
     * as the processor's warning says it. Empty for 1 ms and more.
     */
    public static Optional<String> resolutionWarning(Duration interval) {
        if (!Durations.isPositive(interval) || interval.compareTo(RESOLUTION) >= 0) {
            return Optional.empty();
        }
        return Optional.of("ticks are told apart by their millisecond (Redis records them as epoch milliseconds, the key"
                + " that runs each tick once), so at most one tick a millisecond runs: the task runs about every 1ms, not"
                + " every " + Durations.format(interval));
    }

    /** The smallest multiple of the interval since the epoch strictly after {@code instant}. */
    @Override
    public Optional<Instant> nextRunAfter(Instant instant) {
        BigInteger since = nanos(instant.getEpochSecond(), instant.getNano());
        BigInteger ticks = floorDiv(since, intervalNanos).add(BigInteger.ONE);
        BigInteger tick = ticks.multiply(intervalNanos);
        BigInteger seconds = floorDiv(tick, NANOS_PER_SECOND);
        if (seconds.compareTo(BigInteger.valueOf(Instant.MAX.getEpochSecond())) > 0) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds.longValueExact(), tick.mod(NANOS_PER_SECOND).longValueExact()));
    }

    /** "every 30 seconds", "every 1 hour 30 minutes". */
    @Override
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, interval.toDaysPart(), "day");
        add(parts, interval.toHoursPart(), "hour");
        add(parts, interval.toMinutesPart(), "minute");
        add(parts, interval.toSecondsPart(), "second");
        add(parts, interval.toMillisPart(), "millisecond");
        add(parts, interval.toNanosPart() % 1_000_000, "nanosecond");
        return "every " + String.join(" ", parts);
    }

    private static void add(List<String> parts, long amount, String unit) {
        if (amount != 0) {
            parts.add(amount + " " + unit + (amount == 1 ? "" : "s"));
        }
    }

    private static BigInteger nanos(long seconds, int nanos) {
        return BigInteger.valueOf(seconds).multiply(NANOS_PER_SECOND).add(BigInteger.valueOf(nanos));
    }

    private static BigInteger floorDiv(BigInteger dividend, BigInteger divisor) {
        BigInteger[] quotientAndRemainder = dividend.divideAndRemainder(divisor);
        return quotientAndRemainder[1].signum() < 0
                ? quotientAndRemainder[0].subtract(BigInteger.ONE)
                : quotientAndRemainder[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalSchedule that && interval.equals(that.interval);
    }

    @Override
    public int hashCode() {
        return interval.hashCode();
    }

    @Override
    public String toString() {
        return "every " + Durations.format(interval);
    }
}
