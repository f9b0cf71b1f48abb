package dev.jtc.runtime.broker;

/**
 * A broker operation that could not be done, with the operation named ("fetch from queue
 * 'mail'", "enqueue ..."). The cause is the client library's exception.
 */
public class BrokerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
