package dev.jtc.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Collects latencies (nanoseconds) from many threads without locks, for exact percentiles at the
 * end of a phase. A latency phase offers a known rate for a known time, so the number of samples
 * is bounded and every one of them is kept; samples beyond the capacity are counted, not stored.
 */
final class LatencySamples {

    private final long[] nanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong overflow = new AtomicLong();

    LatencySamples(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Room for every job a phase at {@code rate} jobs/s offers in {@code duration}, with a margin. */
    static LatencySamples forPhase(int rate, Duration duration) {
        return new LatencySamples((int) Math.min(Integer.MAX_VALUE - 8, (long) (rate * (duration.toMillis() / 1000.0) * 1.2) + 1_000));
    }

    void record(long latencyNanos) {
        int index = next.getAndIncrement();
        if (index < nanos.length) {
            nanos[index] = latencyNanos;
        } else {
            overflow.incrementAndGet();
        }
    }

    /** How many samples were recorded, stored or not. */
    long count() {
        return Math.min(next.get(), nanos.length) + overflow.get();
    }

    /**
     * The stored samples' percentiles in microseconds; call once recording has stopped.
     *
     * @param pacing the producers' schedule lag and enqueue calls over the same phase
     */
    LatencySummary summary(ProducerThreads.Pacing pacing) {
        long[] sorted = sorted();
        return new LatencySummary(count(), micros(percentile(sorted, 50)), micros(percentile(sorted, 99)),
                micros(percentile(sorted, 99.9)), micros(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                micros(percentile(pacing.lag().sorted(), 99)), micros(percentile(pacing.enqueueCalls().sorted(), 99)));
    }

    /** The nearest-rank percentile of sorted samples; 0 when there are none. */
    static long percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        // The epsilon keeps 99.9 % of 1000 at rank 999: 99.9 is not exact in binary.
        int rank = (int) Math.ceil(percent * sorted.length / 100.0 - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, Math.min(next.get(), nanos.length));
        Arrays.sort(copy);
        return copy;
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }
}
