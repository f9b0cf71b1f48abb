package dev.jtc.runtime;

import dev.jtc.runtime.broker.WireLimits;
import dev.jtc.schedule.Names;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How one dispatch differs from the job's defaults: a delay or run-at time, another queue, a
 * unique key. Immutable; each method returns a new instance.
 *
 * <pre>{@code
 * jobs.sendInvoice(orderId, DispatchOptions.delay(Duration.ofMinutes(5)).withUniqueKey("invoice-" + orderId));
 * }</pre>
 */
public final class DispatchOptions {

    private static final DispatchOptions NONE = new DispatchOptions(null, null, null, null);

    private final Duration delay;
    private final Instant runAt;
    private final String queue;
    private final String uniqueKey;

    private DispatchOptions(Duration delay, Instant runAt, String queue, String uniqueKey) {
        this.delay = delay;
        this.runAt = runAt;
        this.queue = queue;
        this.uniqueKey = uniqueKey;
    }

    /** The job's defaults: run now, on its own queue, not unique. */
    public static DispatchOptions none() {
        return NONE;
    }

    /** Run no earlier than {@code delay} from now. */
    public static DispatchOptions delay(Duration delay) {
        return NONE.withDelay(delay);
    }

    /** Run no earlier than {@code runAt}. */
    public static DispatchOptions runAt(Instant runAt) {
        return NONE.withRunAt(runAt);
    }

    /** Send to {@code queue} instead of the job's own. */
    public static DispatchOptions queue(String queue) {
        return NONE.withQueue(queue);
    }

    /**
     * Make the dispatch a no-op while a job with the same key is queued, scheduled or running:
     * the handle returned is the first job's.
     */
    public static DispatchOptions uniqueKey(String uniqueKey) {
        return NONE.withUniqueKey(uniqueKey);
    }

    public DispatchOptions withDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new DispatchOptions(delay, null, queue, uniqueKey);
    }

    public DispatchOptions withRunAt(Instant runAt) {
        return new DispatchOptions(null, Objects.requireNonNull(runAt, "runAt"), queue, uniqueKey);
    }

    public DispatchOptions withQueue(String queue) {
        return new DispatchOptions(delay, runAt, Names.requireValid("queue", queue), uniqueKey);
    }

    public DispatchOptions withUniqueKey(String uniqueKey) {
        Objects.requireNonNull(uniqueKey, "uniqueKey");
        String problem = WireLimits.uniqueKeyProblem(uniqueKey);
        if (problem != null) {
            throw new IllegalArgumentException("uniqueKey '" + Names.shortened(uniqueKey) + "' " + problem);
        }
        return new DispatchOptions(delay, runAt, queue, uniqueKey);
    }

    /**
     * When the job may run, given the current time; empty means now. (Not named {@code runAt}:
     * that would clash with the static factory {@link #runAt(Instant)}.)
     */
    public Optional<Instant> effectiveRunAt(Instant now) {
        if (runAt != null) {
            return runAt.isAfter(now) ? Optional.of(runAt) : Optional.empty();
        }
        if (delay != null && !delay.isZero()) {
            return Optional.of(now.plus(delay));
        }
        return Optional.empty();
    }

    public Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    public Optional<String> uniqueKey() {
        return Optional.ofNullable(uniqueKey);
    }

    @Override
    public String toString() {
        return "DispatchOptions[delay=" + delay + ", runAt=" + runAt + ", queue=" + queue + ", uniqueKey=" + uniqueKey + "]";
    }
}
