package dev.jtc.runtime.broker;

import java.util.List;

/**
 * The largest payload a broker accepts, and the check both brokers make when a job is enqueued.
 * A queue is no place for bulk data: a multi-megabyte payload is copied through Redis, the
 * worker's memory and every retry, and one careless dispatch can fill a Redis that refuses
 * writes ({@code maxmemory-policy noeviction}) for every other job. So a payload over the limit is
 * refused at dispatch with a clear error, and a payload over the limit found in Redis (written by
 * another producer) goes to the failed set at fetch instead of being loaded into a worker.
 *
 * <p>Sizes are UTF-8 bytes, as Redis stores them.
 */
public final class PayloadLimit {

    /** 1 MiB: far above any sensible payload, far below what would hurt Redis. */
    public static final int DEFAULT_MAX_BYTES = 1 << 20;

    private PayloadLimit() {}

    /** Throws {@link PayloadTooLargeException} for the first job whose payload is over {@code maxBytes}. */
    public static void check(List<JobMessage> jobs, int maxBytes) {
        for (JobMessage job : jobs) {
            check(job, maxBytes);
        }
    }

    /** Throws {@link PayloadTooLargeException} if {@code job}'s payload is over {@code maxBytes}. */
    public static void check(JobMessage job, int maxBytes) {
        // Most payloads are far below the limit: the character count bounds the UTF-8 length (1 to 3 bytes each).
        String payload = job.payload();
        if ((long) payload.length() * 3 <= maxBytes) {
            return;
        }
        long bytes = utf8Length(payload);
        if (bytes > maxBytes) {
            throw new PayloadTooLargeException(job.name(), bytes, maxBytes);
        }
    }

    /** Requires a positive limit; the message names where it was set. */
    public static int requireValid(int maxBytes, String where) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException(where + " must be at least 1 byte, got " + maxBytes);
        }
        return maxBytes;
    }

    /** The number of bytes {@code text} takes in UTF-8 as Java encodes it, without encoding it. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // a lone surrogate: Java's UTF-8 encoder (and so the Redis client) writes '?'
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
