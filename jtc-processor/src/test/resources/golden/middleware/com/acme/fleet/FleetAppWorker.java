package com.acme.fleet;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.cli.JtcCommandLine;
import javax.annotation.processing.Generated;

/**
 * Runs {@link FleetApp} as a worker: {@code work} (the default), {@code list}, {@code dashboard},
 * {@code enqueue}, {@code stats}, {@code failed}, {@code check} and {@code make job}; see {@code --help}.
 */
@Generated("dev.jtc.processor.JtcProcessor")
public final class FleetAppWorker {
    private FleetAppWorker() {
    }

    /**
     * Everything the runtime needs from {@link FleetApp}: its job types, its scheduled tasks, how to
     * build the dispatch table over a component bound to the runtime's dispatcher, clock and settings, and
     * how to check a payload with the jobs' codecs.
     */
    public static AppDefinition definition() {
        return new AppDefinition("FleetApp", "com.acme.fleet", FleetAppJobs.JOB_TYPES, FleetAppScheduleRegistry.TASKS,
                (dispatcher, clock, settings) -> new FleetAppJobRunner(DaggerFleetAppComponent.factory().create(dispatcher, clock, settings)),
                FleetAppJobRunner::validatePayload);
    }

    /**
     * Runs the command in {@code args} and exits with its status.
     */
    public static void main(String[] args) {
        System.exit(JtcCommandLine.run(args, definition()));
    }
}
