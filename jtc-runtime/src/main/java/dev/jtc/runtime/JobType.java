package dev.jtc.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What the worker and the dispatcher need to know about one kind of job, fixed at compile time:
 * its name on the wire, default queue, retry policy, timeout and payload schema. Generated code
 * holds one constant per {@code @Job}; scheduled tasks have one each too.
 *
 * @param name the name on the wire
 * @param queue the default queue
 * @param retries retries after the first attempt ({@code retries + 1} attempts in all)
 * @param timeout the longest one attempt may run; {@link Duration#ZERO} means no limit
 * @param backoffBase the first retry's backoff bound
 * @param backoffCap the largest backoff bound
 * @param fingerprint a short hash of {@code schema}, sent with every payload
 * @param schema the payload's parameters in canonical form, e.g. {@code "userId:long,template:String"}
 * @param limits the limits every worker together holds the job to: concurrency, rate, one at a
 *     time per key ({@link JobLimits#NONE} for none)
 */
public record JobType(
        String name,
        String queue,
        int retries,
        Duration timeout,
        Duration backoffBase,
        Duration backoffCap,
        String fingerprint,
        String schema,
        JobLimits limits) {

    public static final Duration NO_TIMEOUT = Duration.ZERO;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofMinutes(10);

    public JobType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(limits, "limits");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
    }

    /** A job type without limits. */
    public JobType(String name, String queue, int retries, Duration timeout, Duration backoffBase, Duration backoffCap,
            String fingerprint, String schema) {
        this(name, queue, retries, timeout, backoffBase, backoffCap, fingerprint, schema, JobLimits.NONE);
    }

    public boolean hasTimeout() {
        return !timeout.isZero();
    }
}
