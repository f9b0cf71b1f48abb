package dev.jtc.bench;

/**
 * Puts the moment a job was handed over ({@link System#nanoTime()}, one JVM) into what is
 * enqueued, and reads it back where the job starts: that difference is the enqueue-to-start
 * latency. Throughput phases send a stamp of 0, which the consumers ignore.
 */
final class Stamps {

    private static final String JTC_PREFIX = "{\"sentAt\":";

    private Stamps() {}

    /** A jtc payload: a JSON object with the one field the no-op job would take. */
    static String jtcPayload(long stampNanos) {
        return JTC_PREFIX + stampNanos + "}";
    }

    /** The stamp of a payload made by {@link #jtcPayload}. */
    static long readJtcPayload(String payload) {
        return Long.parseLong(payload, JTC_PREFIX.length(), payload.length() - 1, 10);
    }

    /**
     * A baseline message: the stamp, a bar, and a JSON body shaped like a job (id, name, queue,
     * payload, enqueue time) so that the baseline moves about as many bytes as a job carries.
     */
    static String floorMessage(long stampNanos, String id, long enqueuedAtMillis) {
        return stampNanos + "|{\"id\":\"" + id + "\",\"name\":\"noop\",\"queue\":\"default\",\"payload\":{},\"enqueuedAt\":"
                + enqueuedAtMillis + "}";
    }

    /** The stamp of a message made by {@link #floorMessage}. */
    static long readFloorMessage(String message) {
        return Long.parseLong(message, 0, message.indexOf('|'), 10);
    }
}
