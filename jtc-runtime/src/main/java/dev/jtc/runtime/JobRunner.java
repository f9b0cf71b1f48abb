package dev.jtc.runtime;

/**
 * The dispatch table from a job's name to the code that runs it. The processor generates the
 * only implementation an application has ({@code <App>JobRunner}): a {@code switch} on the name
 * that decodes the payload with the generated codec and calls the job's {@code handle} method, or
 * a scheduled task's method, on an instance from the generated Dagger component.
 */
public interface JobRunner {

    /**
     * Runs one attempt of a job.
     *
     * @param name the job's name on the wire
     * @param payload the payload, a JSON object keyed by parameter name ({@code "{}"} for tasks)
     * @param context what the job may know about itself
     * @throws UnknownJobException if no job or task has that name
     * @throws PayloadException if the payload does not decode into the job's parameters
     * @throws Exception whatever the job itself throws
     */
    void run(String name, String payload, JobContext context) throws Exception;
}
