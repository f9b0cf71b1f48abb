package dev.jtc.runtime.cli;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.metrics.Endpoints;
import dev.jtc.runtime.metrics.Health;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.MetricsServer;
import dev.jtc.runtime.metrics.ProcessMetrics;
import dev.jtc.schedule.Durations;
import dev.jtc.runtime.worker.JobLog;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code work} (the default command): runs a worker until SIGTERM or Ctrl-C. The first signal
 * stops fetching and gives running jobs the shutdown grace to finish; the second stops the
 * process at once (its jobs return to their queues once its heartbeat expires).
 */
@Command(name = "work", description = "Run a worker: fetch and run jobs, and run the scheduled tasks (the default command).")
final class WorkCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions brokerOptions;

    @Mixin
    WorkerOptions workerOptions;

    @Option(names = "--no-scheduler", description = "Do not run scheduled tasks in this worker.")
    boolean noScheduler;

    @Option(names = "--no-job-log", description = "Do not log a line per completed job (env JTC_JOB_LOG=off).")
    boolean noJobLog;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus; needs dev.jtc:jtc-micrometer) and /health on this port; off by default.")
    Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "HOST", defaultValue = "0.0.0.0",
            description = "The address for --metrics-port (default: ${DEFAULT-VALUE}, every interface, for probes and scrapers).")
    String metricsHost;

    private final CliContext context;

    WorkCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<MetricsProvider> metricsProvider = metricsProvider();
        brokerOptions.resolveWith(context);
        WorkerConfig config = WorkerOptions.checked(() -> workerOptions.recovery(WorkerConfig.builder()
                .queues(workerOptions.queues(context, context.app))
                .concurrency(workerOptions.concurrency(context, 10))
                .shutdownGrace(workerOptions.shutdownGrace)
                .schedulerEnabled(!noScheduler))
                .build());
        WorkerOptions.warnAboutQueuesNotUsed(context, context.app, config.queueNames());
        context.out.println(context.app.name() + ": connecting to " + brokerOptions.describe());
        context.out.flush();
        try (Broker broker = brokerOptions.open(config.concurrency() + 8)) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, context.clock);
            JobRunner runner = context.app.runnerFactory().create(dispatcher, context.clock,
                    Settings.fromEnvironment(workerOptions.settings));
            Worker worker = new Worker(broker, runner, context.app.jobTypes(), context.app.scheduledTasks(), config, context.clock);
            worker.addListener(new WorkerListener() {
                @Override
                public void waitingForJobs(int stillRunning, Duration graceLeft) {
                    context.err.println("waiting for " + stillRunning + " running jobs to finish ("
                            + graceLeft.toSeconds() + "s left; signal again to stop at once)");
                }
            });
            if (jobLogOn()) {
                worker.addListener(new JobLog());
            }
            Optional<ProcessMetrics> metrics = metricsProvider.map(p -> p.create(context.app.name(), broker, context.clock));
            metrics.ifPresent(worker::addListener);
            MetricsServer metricsServer = metricsPort == null ? null : MetricsServer.start(
                    new Endpoints(metrics, Health.ofWorker(broker, worker::heartbeatCurrent)), metricsHost, metricsPort);
            if (metricsServer != null) {
                context.out.println("metrics and health on http://" + metricsHost + ":" + metricsServer.port()
                        + "/metrics and /health");
            }
            if (context.handleSignals) {
                SignalHandling.install(signal -> {
                    context.err.println("SIG" + signal + ": stopping gracefully; running jobs get up to "
                            + Durations.format(config.shutdownGrace()) + " to finish (signal again to stop at once)");
                    worker.shutdown();
                }, signal -> {
                    context.err.println("SIG" + signal + " again: stopping now; unfinished jobs go back to their queues"
                            + " when this worker's heartbeat expires");
                    Runtime.getRuntime().halt(130);
                });
            }
            worker.start();
            context.out.println("worker " + worker.id() + " running: queues " + config.queueNames()
                    + (config.weighted() ? " (weighted " + weights(config) + ")" : " (in order)") + ", concurrency "
                    + config.concurrency() + ", " + context.app.scheduledTasks().size() + " scheduled tasks"
                    + (noScheduler ? " (scheduler off)" : "") + "; Ctrl-C or SIGTERM to stop");
            context.out.flush();
            context.workerStarted.accept(worker);
            try {
                while (!worker.awaitTermination(Duration.ofSeconds(1))) {
                    // keep the main thread alive until the worker has stopped
                }
            } finally {
                if (metricsServer != null) {
                    metricsServer.close();
                }
                metrics.ifPresent(ProcessMetrics::close);
            }
            context.out.println("worker " + worker.id() + " stopped");
            context.out.flush();
        }
        return 0;
    }

    /** The metrics provider {@code --metrics-port} needs; a usage error without one, before anything starts. */
    private Optional<MetricsProvider> metricsProvider() {
        if (metricsPort == null) {
            return Optional.empty(); // nothing would read them
        }
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new UsageException("--metrics-port " + metricsPort + " is not a port", "use 1 to 65535, or 0 for a free one");
        }
        Optional<MetricsProvider> provider = MetricsProvider.find();
        if (provider.isEmpty()) {
            throw new UsageException("--metrics-port needs a metrics provider on the class path, and there is none",
                    "add the dependency " + MetricsProvider.DEPENDENCY + " to the worker (docs/observability.md)");
        }
        return provider;
    }

    private boolean jobLogOn() {
        return !noJobLog && !"off".equalsIgnoreCase(context.env("JTC_JOB_LOG", "on").strip());
    }

    private static String weights(WorkerConfig config) {
        return String.join(",", config.queues().stream().map(q -> q.queue() + ":" + q.weight()).toList());
    }
}
