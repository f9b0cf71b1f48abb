package dev.jtc.runtime;

/** A job name that no {@code @Job} or scheduled task of this application has. */
public final class UnknownJobException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String jobName;

    public UnknownJobException(String jobName) {
        super("unknown job name '" + jobName + "': no @Job or scheduled task of this application has it"
                + " (was it renamed without keeping its name = \"...\"?)");
        this.jobName = jobName;
    }

    public String jobName() {
        return jobName;
    }
}
