package dev.jtc.runtime.cli;

/**
 * The command as typed cannot run: an argument or option value it cannot use, options that
 * conflict, a job name the application does not have, a payload the job's codec refuses, or a
 * setting from the environment that does not parse. The command line prints the message and the
 * hint (or, without one, where the options are listed) and exits with
 * {@link JtcCommandLine#EXIT_USAGE}, as for the errors picocli finds while parsing.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;

    /** @param hint what to write instead, or {@code null} to point at the command's {@code --help} */
    UsageException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    UsageException(String message) {
        this(message, null);
    }

    /** What to write instead; {@code null} if the command's {@code --help} says it best. */
    String hint() {
        return hint;
    }
}
