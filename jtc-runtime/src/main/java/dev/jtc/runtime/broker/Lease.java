package dev.jtc.runtime.broker;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One hold on a limit shared by every worker: {@code holder} (a job id) holds one of the leases
 * under {@code key} ({@code concurrency:charge-payment}, {@code overlap:ship-order:1001}).
 */
public record Lease(String key, String holder) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,300}");

    public Lease {
        Objects.requireNonNull(holder, "holder");
        requireValidKey(key);
    }

    /** Whether {@code key} may name a limit: 1 to 300 of {@code [A-Za-z0-9._:-]}. */
    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** Checks {@code key} ({@link #isValidKey}) and {@code limit} (1 or more) for {@link Broker#acquireLease}. */
    public static void checkLease(String key, int limit) {
        requireValidKey(key);
        if (limit < 1) {
            throw new IllegalArgumentException("a lease limit below 1: " + limit);
        }
    }

    /** Checks the arguments of {@link Broker#acquireRate}: a valid key, a limit of 1 or more, a positive window. */
    public static void checkRate(String key, int limit, Duration window) {
        requireValidKey(key);
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a limit of 1 or more and a positive window: " + limit + " per " + window);
        }
    }

    private static String requireValidKey(String key) {
        if (!isValidKey(key)) {
            throw new IllegalArgumentException("a limit key is 1 to 300 of [A-Za-z0-9._:-], not: " + key);
        }
        return key;
    }
}
