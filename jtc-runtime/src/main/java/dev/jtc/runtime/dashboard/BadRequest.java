package dev.jtc.runtime.dashboard;

/** A request the API cannot answer as asked; {@link ApiRoute} turns it into a 400 with the message and hint. */
final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    BadRequest(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    String hint() {
        return hint;
    }
}
