package dev.jtc.runtime.broker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The buckets a {@link Broker#history} call asks for, shared by the brokers. */
public final class HistoryRange {

    private HistoryRange() {}

    /**
     * One empty bucket per {@code resolution} step from the bucket holding {@code from} to the one
     * holding {@code to}, oldest first.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the range spans more
     *     buckets than the resolution keeps
     */
    public static List<ThroughputBucket> emptyBuckets(HistoryResolution resolution, Instant from, Instant to) {
        Objects.requireNonNull(resolution, "resolution");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("history range ends (" + to + ") before it starts (" + from + ")");
        }
        long width = resolution.width().toMillis();
        long first = resolution.bucketStart(from);
        long last = resolution.bucketStart(to);
        long count = (last - first) / width + 1;
        long kept = resolution.bucketsKept();
        if (count > kept) {
            throw new IllegalArgumentException("history range of " + count + " " + resolution.wireName()
                    + " buckets is longer than the " + kept + " that are kept");
        }
        List<ThroughputBucket> buckets = new ArrayList<>((int) count);
        for (long start = first; start <= last; start += width) {
            buckets.add(new ThroughputBucket(Instant.ofEpochMilli(start), 0, 0));
        }
        return buckets;
    }

    /** The bucket-wise sum of two lists over the same buckets. */
    public static List<ThroughputBucket> sum(List<ThroughputBucket> a, List<ThroughputBucket> b) {
        List<ThroughputBucket> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).plus(b.get(i).processed(), b.get(i).failed()));
        }
        return out;
    }
}
