package dev.jtc.runtime.broker;

import java.time.Instant;

/**
 * What happened in one bucket of {@link Broker#history}.
 *
 * @param start when the bucket starts (a whole minute, or midnight UTC)
 * @param processed attempts that completed in it
 * @param failed attempts that failed in it, retried or not
 */
public record ThroughputBucket(Instant start, long processed, long failed) {

    /** This bucket with more attempts counted (the sum over queues). */
    public ThroughputBucket plus(long moreProcessed, long moreFailed) {
        return new ThroughputBucket(start, processed + moreProcessed, failed + moreFailed);
    }
}
