package com.acme.ops.generated;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.cli.JtcCommandLine;
import javax.annotation.processing.Generated;

/**
 * Runs {@code com.acme.ops.OpsApp} as a worker: {@code work} (the default), {@code list}, {@code dashboard},
 * {@code enqueue}, {@code stats}, {@code failed}, {@code check} and {@code make job}; see {@code --help}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class OpsAppWorker {
    private OpsAppWorker() {
    }

    /**
     * Everything the runtime needs from {@code com.acme.ops.OpsApp}: its job types, its scheduled tasks, how to
     * build the dispatch table over a component bound to the runtime's dispatcher, clock and settings, and
     * how to check a payload with the jobs' codecs.
     */
    public static AppDefinition definition() {
        return new AppDefinition("OpsApp", "com.acme.ops", OpsAppJobs.JOB_TYPES, OpsAppScheduleRegistry.TASKS,
                (dispatcher, clock, settings) -> new OpsAppJobRunner(DaggerOpsAppComponent.factory().create(dispatcher, clock, settings)),
                OpsAppJobRunner::validatePayload);
    }

    /**
     * Runs the command in {@code args} and exits with its status.
     */
    public static void main(String[] args) {
        System.exit(JtcCommandLine.run(args, definition()));
    }
}
