package dev.jtc.runtime;

import dev.jtc.schedule.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The limits every worker together holds one kind of job to, declared on its {@code @Job}
 * ({@code maxConcurrency}, {@code rateLimit}, {@code limitKey}) and {@code @WithoutOverlapping}.
 * A worker checks them before an attempt runs, atomically in the broker; an attempt over a limit
 * waits (it is postponed, and does not count as an attempt). Generated code builds them:
 * {@code JobLimits.NONE.withMaxConcurrency(5).withRate(100, Duration.ofMinutes(1)).withLimitKey("customerId")}.
 *
 * @param maxConcurrency the most attempts running at once across all workers; 0 for no limit
 * @param rateCount the most attempts started in any window of {@code ratePer}; 0 for no limit
 * @param ratePer the window of the rate limit ({@link Duration#ZERO} without one)
 * @param limitKey the payload field whose value keys both limits (each value has its own), or
 *     empty for one limit over all the job's runs
 * @param withoutOverlapping whether attempts run one at a time per {@code overlapKey}
 * @param overlapKey the payload field whose value keys "without overlapping", or empty for one at a
 *     time over all the job's runs
 */
public record JobLimits(
        int maxConcurrency,
        int rateCount,
        Duration ratePer,
        String limitKey,
        boolean withoutOverlapping,
        String overlapKey) {

    /** No limits: the default of every job. */
    public static final JobLimits NONE = new JobLimits(0, 0, Duration.ZERO, "", false, "");

    public JobLimits {
        Objects.requireNonNull(ratePer, "ratePer");
        Objects.requireNonNull(limitKey, "limitKey");
        Objects.requireNonNull(overlapKey, "overlapKey");
        if (maxConcurrency < 0) {
            throw new IllegalArgumentException("maxConcurrency must not be negative: " + maxConcurrency);
        }
        if (rateCount < 0 || (rateCount > 0) != Durations.isPositive(ratePer)) {
            throw new IllegalArgumentException("a rate limit needs a positive count and window: " + rateCount + " per " + ratePer);
        }
    }

    /** At most {@code max} attempts running at once across all workers. */
    public JobLimits withMaxConcurrency(int max) {
        return new JobLimits(max, rateCount, ratePer, limitKey, withoutOverlapping, overlapKey);
    }

    /** At most {@code count} attempts started in any window of {@code per}, across all workers. */
    public JobLimits withRate(int count, Duration per) {
        return new JobLimits(maxConcurrency, count, per, limitKey, withoutOverlapping, overlapKey);
    }

    /** Keys the concurrency and rate limits by the value of the payload field {@code field}. */
    public JobLimits withLimitKey(String field) {
        return new JobLimits(maxConcurrency, rateCount, ratePer, field, withoutOverlapping, overlapKey);
    }

    /** One attempt at a time per value of the payload field {@code field} (empty: one at a time for the job). */
    public JobLimits withoutOverlapping(String field) {
        return new JobLimits(maxConcurrency, rateCount, ratePer, limitKey, true, field);
    }

    /**
     * The limits in a few words, as {@code list} and the dashboard show them:
     * {@code "concurrency 5 per customerId, rate 50/1s per customerId, one at a time per orderId"};
     * empty for none.
     */
    public String describe() {
        String per = limitKey.isEmpty() ? "" : " per " + limitKey;
        List<String> parts = new ArrayList<>(3);
        if (maxConcurrency > 0) {
            parts.add("concurrency " + maxConcurrency + per);
        }
        if (hasRate()) {
            parts.add("rate " + rateCount + "/" + Durations.format(ratePer) + per);
        }
        if (withoutOverlapping) {
            parts.add("one at a time" + (overlapKey.isEmpty() ? "" : " per " + overlapKey));
        }
        return String.join(", ", parts);
    }

    public boolean isNone() {
        return maxConcurrency == 0 && rateCount == 0 && !withoutOverlapping;
    }

    public boolean hasRate() {
        return rateCount > 0;
    }
}
