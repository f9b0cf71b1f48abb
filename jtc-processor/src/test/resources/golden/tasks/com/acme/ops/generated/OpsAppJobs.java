package com.acme.ops.generated;

import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.JobType;
import jakarta.inject.Inject;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Dispatches the jobs of {@code com.acme.ops.OpsApp}, typed by each job's {@code handle} parameters. Works in any
 * process, worker or not: {@code new OpsAppJobs(dispatcher)}, or inject it (jobs may dispatch other jobs).
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class OpsAppJobs {
    /**
     * Every job of the application, in a stable order.
     */
    public static final List<JobType> JOB_TYPES = List.of();

    private final Dispatcher dispatcher;

    /**
     * A dispatcher for the jobs of {@code com.acme.ops.OpsApp}, sending through {@code dispatcher}.
     */
    @Inject
    public OpsAppJobs(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }
}
