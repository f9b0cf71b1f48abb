package dev.jtc.runtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The queues whose fetch was refused because one of their keys holds the wrong type of data, and
 * when to try each again: after 1 s, then twice as long each time up to 30 s. Meanwhile a fetch
 * skips them and takes from the other queues as usual, so one broken queue never starves the
 * rest. Real time, not the broker's clock: it paces calls to Redis. Thread-safe.
 */
final class QueueBackoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(30);

    private final LongSupplier nanoTime;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    private record Wait(long retryAtNanos, Duration length) {}

    QueueBackoff() {
        this(System::nanoTime);
    }

    QueueBackoff(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether {@code queue} is to be left alone for now. */
    boolean skipping(String queue) {
        Wait wait = waits.get(queue);
        return wait != null && wait.retryAtNanos() - nanoTime.getAsLong() > 0;
    }

    /** Records a refused fetch from {@code queue}: it is skipped for longer than last time. */
    void refused(String queue) {
        long now = nanoTime.getAsLong();
        waits.compute(queue, (q, old) -> {
            Duration length = old == null ? FIRST : old.length().multipliedBy(2);
            if (length.compareTo(CAP) > 0) {
                length = CAP;
            }
            return new Wait(now + length.toNanos(), length);
        });
    }

    /** Records a fetch from {@code queue} that worked; true if it had been refused before. */
    boolean worked(String queue) {
        return waits.remove(queue) != null;
    }

    /** How long until the first of {@code queues} that is skipped may be tried again; null if none is skipped. */
    Long millisUntilRetry(List<String> queues) {
        long now = nanoTime.getAsLong();
        Long soonest = null;
        for (String queue : queues) {
            Wait wait = waits.get(queue);
            if (wait != null) {
                long millis = Math.max(0, (wait.retryAtNanos() - now) / 1_000_000);
                soonest = soonest == null ? millis : Math.min(soonest, millis);
            }
        }
        return soonest;
    }
}
