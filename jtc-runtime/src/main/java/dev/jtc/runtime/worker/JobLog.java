package dev.jtc.runtime.worker;

import dev.jtc.runtime.broker.JobMessage;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one INFO line per completed job, with its duration, on the logger {@value #LOGGER_NAME}.
 * Failed attempts need no listener: the worker itself logs each one (WARN with the next retry,
 * ERROR when the job goes to the failed set) in the same form, {@code job <id> (<name>) ...}.
 * The line is written once the broker acknowledged the completion, on the acknowledging thread,
 * so it names the job itself rather than relying on the job thread's MDC.
 *
 * <p>{@code work} adds it unless {@code --no-job-log} or {@code JTC_JOB_LOG=off}; a program that
 * builds its own {@link Worker} adds it with {@code worker.addListener(new JobLog())}. A logging
 * configuration can also silence or redirect the logger by its name.
 */
public final class JobLog implements WorkerListener {

    /** The logger the completion lines go to. */
    public static final String LOGGER_NAME = "dev.jtc.jobs";

    private final Logger log;

    public JobLog() {
        this(LoggerFactory.getLogger(LOGGER_NAME));
    }

    JobLog(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void jobCompleted(JobMessage job, Duration took) {
        if (log.isInfoEnabled()) {
            log.info("job {} ({}) completed in {} ms (queue {}, attempt {})", job.id(), job.name(), took.toMillis(),
                    job.queue(), job.attempt());
        }
    }
}
