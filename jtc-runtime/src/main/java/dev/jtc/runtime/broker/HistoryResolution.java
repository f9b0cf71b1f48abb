package dev.jtc.runtime.broker;

import java.time.Duration;
import java.time.Instant;

/**
 * How finely {@link Broker#history} counts: per minute, kept for hours, or per day (UTC), kept
 * for weeks. Each bucket expires on its own once it is older than the retention, so the history
 * never grows beyond {@code retention / width} buckets per queue.
 */
public enum HistoryResolution {
    MINUTE(Duration.ofMinutes(1), Duration.ofHours(6)),
    DAY(Duration.ofDays(1), Duration.ofDays(56));

    private final Duration width;
    private final Duration retention;

    HistoryResolution(Duration width, Duration retention) {
        this.width = width;
        this.retention = retention;
    }

    /** How long one bucket counts. */
    public Duration width() {
        return width;
    }

    /** How long a bucket is kept after it started. */
    public Duration retention() {
        return retention;
    }

    /** How many buckets are kept: the retention over the width (360 minutes, 56 days). */
    public int bucketsKept() {
        return (int) (retention.toMillis() / width.toMillis());
    }

    /** The start (epoch millis) of the bucket {@code at} falls into. */
    public long bucketStart(Instant at) {
        long ms = at.toEpochMilli();
        return Math.floorDiv(ms, width.toMillis()) * width.toMillis();
    }

    /** The name used on the wire and in URLs: {@code minute} or {@code day}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The resolution named {@code minute} or {@code day}, in any case. */
    public static HistoryResolution fromWireName(String name) {
        for (HistoryResolution r : values()) {
            if (r.wireName().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown history resolution '" + name + "': use minute or day");
    }
}
