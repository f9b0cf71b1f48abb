package com.acme.ops.generated;

import com.acme.ops.BackupsSchedule;
import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.UnknownJobException;
import javax.annotation.processing.Generated;

/**
 * The dispatch table of {@code com.acme.ops.OpsApp}: from a job's name on the wire to the code that runs it.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class OpsAppJobRunner implements JobRunner {
    private final OpsAppComponent component;

    /**
     * A dispatch table whose job and task instances come from {@code component}.
     */
    public OpsAppJobRunner(OpsAppComponent component) {
        this.component = component;
    }

    /**
     * Runs one attempt of the job or task named {@code name}, on an instance made for this run.
     */
    @Override
    public void run(String name, String payload, JobContext context) throws Exception {
        switch (name) {
            // tasks declared in com.acme.ops.Backups
            case "nightly-backup" -> BackupsSchedule.nightly(component.nightlyBackup(), context);
            case "Backups.verify" -> BackupsSchedule.verify(component.backupsVerify(), context);
            default -> throw new UnknownJobException(name);
        }
    }

    /**
     * Decodes {@code payload} as the job named {@code name} decodes it, and runs nothing: what
     * {@code enqueue} checks before it sends a payload.
     *
     * @throws PayloadException if it does not decode into the job's parameters
     * @throws UnknownJobException if no job has that name (scheduled tasks take no payload)
     */
    public static void validatePayload(String name, String payload) throws PayloadException,
            UnknownJobException {
        switch (name) {
            default -> throw new UnknownJobException(name);
        }
    }
}
