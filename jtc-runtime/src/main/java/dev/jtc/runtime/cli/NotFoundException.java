package dev.jtc.runtime.cli;

/**
 * The job the command was asked about is not known to the broker: an id that never existed, whose
 * status has expired, or that is not in the state the command needs (not in the failed set, for
 * {@code failed retry}). The command line prints the message and hint and exits with
 * {@link JtcCommandLine#EXIT_NOT_FOUND}, so that a script can tell "no such job" from a failure.
 */
final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /** @param hint where to look instead; never {@code null} */
    NotFoundException(String message, String hint) {
        super(message);
        this.hint = java.util.Objects.requireNonNull(hint, "hint");
    }

    String hint() {
        return hint;
    }
}
