package dev.jtc.runtime.cli;

import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.JobHandle;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.schedule.Durations;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole application in one process without Redis. It starts a worker on an
 * {@link InMemoryBroker}, dispatches the demo jobs ({@value DemoJobs#RESOURCE} on the classpath
 * and {@code --job} options), prints what happens, and stops by itself once they have all
 * finished and a scheduled tick has run (or after {@code --max-wait}). Exit code 1 if a demo job
 * ended in the failed set.
 */
@Command(name = "demo", description = "Run the application on an in-memory broker: dispatch the demo jobs ("
        + DemoJobs.RESOURCE + " and --job), show what happens, and stop by itself.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--job", paramLabel = "NAME=JSON", description = "Also dispatch this job, e.g. --job 'SendMail={\"userId\":42}' (repeatable).")
    List<String> extraJobs = new ArrayList<>();

    @Option(names = "--max-wait", paramLabel = "DURATION", description = "Stop after this long even if jobs are pending (default 25s).")
    Duration maxWait = Duration.ofSeconds(25);

    @Mixin
    WorkerOptions workerOptions;

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<DemoJobs.DemoJob> jobs = new ArrayList<>(DemoJobs.fromResource(context.resources));
        for (String option : extraJobs) {
            jobs.add(DemoJobs.fromOption(option));
        }
        List<JobType> types = new ArrayList<>();
        for (DemoJobs.DemoJob job : jobs) {
            try {
                JobType type = AppJobs.require(context.app, job.name());
                PayloadCheck.require(context.app, type, job.payload());
                types.add(type);
            } catch (UsageException e) {
                String where = job.source() + ": " + e.getMessage();
                if (job.fromOption()) {
                    throw new UsageException(where, e.hint());
                }
                // The application's own demo file is wrong, not the command line.
                throw new IllegalArgumentException(where + (e.hint() != null ? "; " + e.hint() : ""), e);
            }
        }
        WorkerConfig config = WorkerOptions.checked(() -> WorkerConfig.builder()
                .queues(workerOptions.queues(context, context.app))
                .concurrency(workerOptions.concurrency(context, 4))
                .shutdownGrace(workerOptions.shutdownGrace.compareTo(Duration.ofSeconds(5)) < 0 ? workerOptions.shutdownGrace
                        : Duration.ofSeconds(5))
                .fetchWait(Duration.ofMillis(250))
                .schedulerPoll(Duration.ofMillis(250))
                .build());
        WorkerOptions.warnAboutQueuesNotUsed(context, context.app, config.queueNames());
        Set<String> taskNames = context.app.scheduledTasks().stream().map(ScheduledTask::name).collect(Collectors.toSet());
        DemoReport report = new DemoReport(context.out, context.clock, taskNames);
        context.out.println(context.app.name() + " demo: an in-memory broker and one worker (queues " + config.queueNames()
                + ", concurrency " + config.concurrency() + "); " + jobs.size() + " demo jobs, "
                + taskNames.size() + " scheduled tasks");
        if (jobs.isEmpty()) {
            context.out.println("no demo jobs: list some in src/main/resources/" + DemoJobs.RESOURCE
                    + " (one '<jobName> <json>' per line) or pass --job name=json");
        }
        context.out.flush();
        try (InMemoryBroker broker = new InMemoryBroker(context.clock)) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, context.clock);
            JobRunner runner = context.app.runnerFactory().create(dispatcher, context.clock,
                    Settings.fromEnvironment(workerOptions.settings));
            Worker worker = new Worker(broker, runner, context.app.jobTypes(), context.app.scheduledTasks(), config, context.clock);
            worker.addListener(report);
            worker.start();
            context.workerStarted.accept(worker);
            for (int i = 0; i < jobs.size(); i++) {
                JobHandle handle = dispatcher.dispatch(types.get(i), jobs.get(i).payload(), DispatchOptions.none());
                report.dispatched(handle.id(), jobs.get(i).name());
            }
            boolean done = report.awaitDone(maxWait);
            worker.shutdown();
            if (!worker.awaitTermination(config.shutdownGrace().plusSeconds(15))) {
                context.err.println("the worker did not stop in time; exiting anyway");
            }
            summarize(done, report);
        }
        return report.count(DemoReport.Outcome.FAILED) > 0 ? 1 : 0;
    }

    private void summarize(boolean done, DemoReport report) {
        context.out.println();
        context.out.println("Demo jobs: " + report.count(DemoReport.Outcome.COMPLETED) + " completed, "
                + report.count(DemoReport.Outcome.FAILED) + " failed, " + report.count(DemoReport.Outcome.PENDING)
                + " still pending");
        report.pendingJobs().forEach((id, name) -> context.out.println("  still pending after "
                + Durations.format(maxWait) + ": " + name + " " + id));
        List<ScheduledTask> tasks = context.app.scheduledTasks();
        if (!tasks.isEmpty()) {
            context.out.println("Scheduled ticks run: " + report.ticksRun()
                    + (report.ticksRun() == 0 ? " (none came due within " + Durations.format(maxWait) + ")" : ""));
            context.out.println();
            context.out.println("Scheduled tasks");
            NextRuns.table(tasks, context.clock.instant(), 3).print(context.out);
        }
        if (!done) {
            context.out.println("stopped after --max-wait " + Durations.format(maxWait));
        }
        context.out.flush();
    }
}
