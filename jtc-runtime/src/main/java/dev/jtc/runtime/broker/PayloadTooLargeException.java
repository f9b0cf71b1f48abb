package dev.jtc.runtime.broker;

/**
 * A dispatch whose payload is over the broker's {@linkplain PayloadLimit limit}. Nothing was
 * enqueued. The message says how big the payload was, what the limit is and what to do instead.
 */
public final class PayloadTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String jobName;
    private final long bytes;
    private final int maxBytes;

    public PayloadTooLargeException(String jobName, long bytes, int maxBytes) {
        super("payload of job '" + jobName + "' is " + bytes + " bytes, over the limit of " + maxBytes
                + " bytes; nothing was enqueued. Hint: pass large data by reference (a database id, an object-store"
                + " key), or raise the limit (RedisBrokerOptions.withMaxPayloadBytes, JTC_MAX_PAYLOAD_BYTES)");
        this.jobName = jobName;
        this.bytes = bytes;
        this.maxBytes = maxBytes;
    }

    public String jobName() {
        return jobName;
    }

    /** The payload's size in UTF-8 bytes. */
    public long bytes() {
        return bytes;
    }

    public int maxBytes() {
        return maxBytes;
    }
}
