package dev.jtc.runtime.cli;

import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs a worker ({@code work}, {@code demo}): queues, concurrency,
 * settings for the application, shutdown grace, and how fast dead workers' jobs are recovered
 * ({@code work} only). {@code --queues} and {@code --concurrency} fall back to {@code JTC_QUEUES}
 * and {@code JTC_CONCURRENCY}.
 */
final class WorkerOptions {

    @Option(names = "--queues", paramLabel = "LIST",
            description = "Queues to work, e.g. mail:3,default (weighted) or critical,default (strictly in order)."
                    + " Env JTC_QUEUES; default: every queue of the application, equally weighted.")
    String queues;

    @Option(names = "--concurrency", paramLabel = "N", description = "Jobs run at once (env JTC_CONCURRENCY, default 10).")
    Integer concurrency;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A setting for the application's modules, e.g. --set shop.mail.sender=shop@example.com (repeatable).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--shutdown-grace", paramLabel = "DURATION",
            description = "How long running jobs may finish after SIGTERM before they are put back (default 30s).")
    Duration shutdownGrace = Duration.ofSeconds(30);

    @Option(names = "--heartbeat-ttl", paramLabel = "DURATION",
            description = "How long a worker that stopped heartbeating still counts as alive (default 15s; it heartbeats every"
                    + " third of this). A dead worker's jobs are back on their queues within this plus the recovery interval.")
    Duration heartbeatTtl;

    @Option(names = "--recovery-interval", paramLabel = "DURATION",
            description = "How often this worker takes back the jobs of dead workers (default 15s).")
    Duration recoveryInterval;

    @Option(names = "--max-recoveries", paramLabel = "N",
            description = "How often a job may be taken back from dead workers before it goes to the failed set as a"
                    + " poison pill (default 3).")
    Integer maxRecoveries;

    /** Applies the heartbeat, recovery and poison-pill options that were given; the rest keeps the defaults. */
    WorkerConfig.Builder recovery(WorkerConfig.Builder config) {
        if (heartbeatTtl != null) {
            config.heartbeat(heartbeatTtl.dividedBy(3), heartbeatTtl);
        }
        if (recoveryInterval != null) {
            config.recoveryInterval(recoveryInterval);
        }
        if (maxRecoveries != null) {
            config.maxRecoveries(maxRecoveries);
        }
        return config;
    }

    /** The queue list: the option, {@code JTC_QUEUES}, or every queue the application uses with weight 1. */
    String queues(CliContext context, AppDefinition app) {
        if (queues != null) {
            return queues;
        }
        String fromEnvironment = context.env("JTC_QUEUES", null);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        return String.join(",", app.queues().stream().map(q -> q + ":1").toList());
    }

    /**
     * Builds a worker's configuration from these options: a value the configuration refuses (a
     * queue list that does not parse, a concurrency of 0, a heartbeat TTL too short) is a usage error.
     */
    static WorkerConfig checked(Supplier<WorkerConfig> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Warns, in one line on standard error, about the queues of {@code listened} that are no job's
     * default queue and no task's queue: most likely a typo, though a job dispatched with an
     * explicit queue may still arrive there, so the worker listens to them all the same.
     */
    static void warnAboutQueuesNotUsed(CliContext context, AppDefinition app, List<String> listened) {
        List<String> used = app.queues();
        List<String> unused = listened.stream().filter(queue -> !used.contains(queue)).toList();
        if (unused.isEmpty()) {
            return;
        }
        List<String> named = new ArrayList<>();
        for (String queue : unused) {
            List<String> close = Suggestions.closeTo(queue, used);
            named.add("'" + queue + "'" + (close.isEmpty() ? "" : " (did you mean " + Suggestions.quoted(close) + "?)"));
        }
        String list = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        context.err.println("warning: no job or task of " + app.name() + " uses queue" + (named.size() == 1 ? " " : "s ") + list
                + " (its queues: " + String.join(", ", used) + "); only jobs dispatched there with an explicit queue"
                + " (enqueue --queue, DispatchOptions.withQueue) will arrive");
        context.err.flush();
    }

    int concurrency(CliContext context, int fallback) {
        if (concurrency != null) {
            return concurrency;
        }
        String fromEnvironment = context.env("JTC_CONCURRENCY", null);
        if (fromEnvironment == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(fromEnvironment);
        } catch (NumberFormatException e) {
            throw new UsageException("JTC_CONCURRENCY='" + fromEnvironment + "' is not a whole number", "set e.g. JTC_CONCURRENCY=10");
        }
    }
}
