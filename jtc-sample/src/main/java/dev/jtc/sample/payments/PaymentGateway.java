package dev.jtc.sample.payments;

/**
 * Takes card payments. The sample binds {@link SandboxPaymentGateway}; a production module would
 * bind a client for the shop's payment provider instead.
 */
public interface PaymentGateway {

    /**
     * Charges the card, or returns the earlier result if a charge with the same idempotency key
     * already went through.
     *
     * @param attempt the charge job's attempt number, recorded with the charge
     */
    Charge charge(ChargeRequest request, int attempt) throws PaymentException;
}
