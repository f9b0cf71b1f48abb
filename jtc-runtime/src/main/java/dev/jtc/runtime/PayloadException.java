package dev.jtc.runtime;

/**
 * A payload that does not decode into the job's parameters: malformed JSON, a missing or
 * mistyped field. The message names the job, the problem, and both schema fingerprints when the
 * producer sent one, so drift between producer and worker is reported rather than guessed at.
 */
public final class PayloadException extends Exception {
    private static final long serialVersionUID = 1L;

    public PayloadException(String message) {
        super(message);
    }

    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
