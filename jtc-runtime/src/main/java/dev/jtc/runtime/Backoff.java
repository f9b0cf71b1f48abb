package dev.jtc.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * How long a failed job waits before its next attempt: exponential backoff with full jitter, so
 * that jobs failing together (a database restart) do not retry together. Retry {@code n} (the
 * first retry is 1) waits a uniformly random time in {@code [0, min(cap, base * 2^(n-1))]}.
 */
public final class Backoff {

    private final long baseNanos;
    private final long capNanos;
    private final Supplier<RandomGenerator> random;

    private Backoff(Duration base, Duration cap, Supplier<RandomGenerator> random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || cap.isNegative()) {
            throw new IllegalArgumentException("backoff base and cap must not be negative, got base " + base + " and cap " + cap);
        }
        this.baseNanos = saturatedNanos(base);
        this.capNanos = saturatedNanos(cap);
        this.random = random;
    }

    /** Exponential backoff with full jitter from {@code base} up to {@code cap}, thread-safe. */
    public static Backoff exponential(Duration base, Duration cap) {
        return new Backoff(base, cap, ThreadLocalRandom::current);
    }

    /** As {@link #exponential}, drawing from {@code random} (tests pass a seeded or fixed source). */
    public static Backoff exponential(Duration base, Duration cap, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return new Backoff(base, cap, () -> random);
    }

    /** The backoff a job type asks for. */
    public static Backoff of(JobType jobType) {
        return exponential(jobType.backoffBase(), jobType.backoffCap());
    }

    /** The random wait before retry {@code retry} (1 for the first retry). */
    public Duration delayBeforeRetry(int retry) {
        long bound = upperBoundNanos(retry);
        if (bound == 0) {
            return Duration.ZERO;
        }
        RandomGenerator source = random.get();
        long nanos = bound == Long.MAX_VALUE ? source.nextLong(0, bound) : source.nextLong(0, bound + 1);
        return Duration.ofNanos(nanos);
    }

    /** The largest wait before retry {@code retry}: {@code min(cap, base * 2^(retry-1))}, never overflowing. */
    public Duration upperBound(int retry) {
        return Duration.ofNanos(upperBoundNanos(retry));
    }

    private long upperBoundNanos(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        if (baseNanos == 0) {
            return 0;
        }
        int doublings = retry - 1;
        // base * 2^doublings > cap  <=>  base > cap >> doublings (checked before shifting, so no overflow)
        if (doublings >= Long.SIZE - 1 || baseNanos > (capNanos >> doublings)) {
            return capNanos;
        }
        return baseNanos << doublings;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException longerThan292Years) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "exponential backoff with full jitter, base " + Duration.ofNanos(baseNanos) + ", cap " + Duration.ofNanos(capNanos);
    }
}
