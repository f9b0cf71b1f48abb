package dev.jtc.runtime.broker;

/**
 * A job whose id, name, queue, unique key, fingerprint, times or counters are outside the
 * {@linkplain WireLimits limits}. Nothing was enqueued; the message names the field.
 */
public final class InvalidJobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidJobException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field that is out of bounds: {@code id}, {@code name}, {@code uniqueKey}, {@code attempt}, ... */
    public String field() {
        return field;
    }
}
