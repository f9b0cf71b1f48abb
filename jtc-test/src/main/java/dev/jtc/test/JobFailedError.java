package dev.jtc.test;

/**
 * A job run inline by {@link FakeDispatcher#runPending} (or by {@link JtcExtension#runPending})
 * threw. The job's exception is the cause; the job is recorded as failed and the jobs after it
 * stay pending.
 */
public final class JobFailedError extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient Dispatch<?> dispatch;

    JobFailedError(Dispatch<?> dispatch, Throwable cause) {
        super("job " + dispatch + " (id " + dispatch.id() + ") failed when run inline: " + cause, cause);
        this.dispatch = dispatch;
    }

    /** The job that failed. */
    public Dispatch<?> dispatch() {
        return dispatch;
    }
}
