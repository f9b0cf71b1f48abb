package dev.jtc.runtime.cli;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.InvalidJobException;
import dev.jtc.runtime.broker.PayloadTooLargeException;
import dev.jtc.schedule.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code enqueue <job> <json>}: sends one job by name with a JSON payload, as another program would. */
@Command(name = "enqueue", description = "Send one job, by name, with a JSON payload keyed by parameter name.")
final class EnqueueCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "JOB", description = "The job's name, as `list` shows it.")
    String jobName;

    @Parameters(index = "1", paramLabel = "JSON", defaultValue = "{}",
            description = "The payload, e.g. '{\"userId\":42,\"template\":\"welcome\"}' (default {}).")
    String payload;

    @Option(names = "--delay", paramLabel = "DURATION", description = "Run no earlier than this from now: 30s, 5m, 1h30m.")
    Duration delay;

    @Option(names = "--run-at", paramLabel = "INSTANT", description = "Run no earlier than this ISO-8601 instant, e.g. 2026-03-02T09:00:00Z.")
    Instant runAt;

    @Option(names = "--queue", paramLabel = "QUEUE", description = "Send to this queue instead of the job's own.")
    String queue;

    @Option(names = "--unique-key", paramLabel = "KEY", description = "Do nothing while a job with this key is still pending.")
    String uniqueKey;

    @Mixin
    BrokerOptions brokerOptions;

    private final CliContext context;

    EnqueueCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JobType type = AppJobs.require(context.app, jobName);
        PayloadCheck.require(context.app, type, payload);
        if (delay != null && runAt != null) {
            throw new UsageException("give either --delay or --run-at, not both");
        }
        DispatchOptions options = options();
        brokerOptions.resolveWith(context).warnIfPrivate(context, "enqueue");
        try (Broker broker = brokerOptions.open(1)) {
            JobHandle handle;
            try {
                handle = new BrokerDispatcher(broker, context.clock).dispatch(type, payload, options);
            } catch (InvalidJobException | PayloadTooLargeException e) {
                // The broker checks the job before it writes anything: a --queue, --unique-key or payload out of bounds.
                throw new UsageException(e.getMessage());
            }
            if (handle.duplicate()) {
                context.out.println("not enqueued: job " + handle.id() + " with unique key '" + uniqueKey + "' is still pending");
            } else {
                String when = options.effectiveRunAt(context.clock.instant())
                        .map(at -> ", runs at " + DisplayFormat.instant(at) + (delay != null ? " (in " + Durations.format(delay) + ")" : ""))
                        .orElse("");
                context.out.println("enqueued " + type.name() + " as " + handle.id() + " on queue "
                        + options.queue().orElse(type.queue()) + when);
            }
        }
        return 0;
    }

    /** The dispatch options given; a queue name or unique key they refuse is a usage error. */
    private DispatchOptions options() {
        DispatchOptions options = DispatchOptions.none();
        try {
            if (delay != null) {
                options = options.withDelay(delay);
            }
            if (runAt != null) {
                options = options.withRunAt(runAt);
            }
            if (queue != null) {
                options = options.withQueue(queue);
            }
            if (uniqueKey != null) {
                options = options.withUniqueKey(uniqueKey);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return options;
    }
}
