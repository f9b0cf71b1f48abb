package dev.jtc.sample.payments;

/**
 * The gateway could not take the payment this time. The charge job lets it propagate, so the
 * worker retries the job with backoff; the idempotency key keeps retries from charging twice.
 */
public final class PaymentException extends Exception {
    private static final long serialVersionUID = 1L;

    public PaymentException(String message) {
        super(message);
    }
}
