package dev.jtc.runtime.cli;

import dev.jtc.runtime.JobState;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.PendingJob;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.schedule.Names;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code jobs <queue> [--state queued|scheduled|active]}: which jobs wait on a queue, wait for
 * their time, or run, and where. {@code stats} has only the counts; this names the jobs, so an
 * operator can find the one to cancel or the worker that holds a stuck one.
 */
@Command(name = "jobs", description = "List the queued, scheduled or running jobs of one queue.")
final class JobsCommand implements Callable<Integer> {

    /** The lists a queue has; the failed set has its own command. */
    enum Listed {
        QUEUED(JobState.QUEUED, "Queued"),
        SCHEDULED(JobState.SCHEDULED, "Scheduled"),
        ACTIVE(JobState.ACTIVE, "Active");

        final JobState state;
        final String title;

        Listed(JobState state, String title) {
            this.state = state;
            this.title = title;
        }

        /** Reads {@code queued}, {@code scheduled} or {@code active}, in any case. */
        static Listed parse(String text) {
            for (Listed listed : values()) {
                if (listed.name().equalsIgnoreCase(text.strip())) {
                    return listed;
                }
            }
            throw new TypeConversionException("'" + text + "' is not a list of a queue: use queued, scheduled or active"
                    + (text.strip().equalsIgnoreCase("failed") ? " (failed jobs: failed list)" : ""));
        }

        long size(QueueStats queue) {
            return switch (this) {
                case QUEUED -> queue.ready();
                case SCHEDULED -> queue.scheduled();
                case ACTIVE -> queue.active();
            };
        }
    }

    /** Lets picocli read {@code --state} with {@link Listed#parse}, whose message says what to write. */
    static final class StateConverter implements ITypeConverter<Listed> {
        @Override
        public Listed convert(String value) {
            return Listed.parse(value);
        }
    }

    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue, as `stats` shows it.")
    String queue;

    @Option(names = "--state", paramLabel = "queued|scheduled|active", converter = StateConverter.class,
            description = "Which jobs: queued (ready, in the order workers take them; the default), scheduled (delayed"
                    + " jobs and retries, soonest first) or active (running, with their worker).")
    Listed state = Listed.QUEUED;

    @Option(names = "--limit", paramLabel = "N", description = "How many to show (default 20).")
    int limit = 20;

    @Option(names = "--offset", paramLabel = "N", description = "How many of the list to skip (default 0).")
    int offset;

    @Mixin
    BrokerOptions brokerOptions;

    private final CliContext context;

    JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 0 || offset < 0) {
            throw new UsageException("--limit and --offset must not be negative");
        }
        try {
            Names.requireValid("queue", queue);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), "'stats' lists the queues");
        }
        brokerOptions.resolveWith(context).warnIfPrivate(context, "jobs");
        List<PendingJob> jobs;
        long total;
        try (Broker broker = brokerOptions.open(1)) {
            jobs = broker.pendingJobs(queue, state.state, offset, limit);
            total = broker.stats().queues().stream().filter(q -> q.queue().equals(queue)).mapToLong(state::size)
                    .findFirst().orElse(0);
        }
        context.out.println(state.title + " jobs on queue " + queue + ": " + total
                + (jobs.size() < total ? " (showing " + jobs.size() + ")" : ""));
        if (!jobs.isEmpty()) {
            table(jobs).print(context.out);
        }
        context.out.flush();
        return 0;
    }

    private TextTable table(List<PendingJob> jobs) {
        TextTable table = switch (state) {
            case QUEUED -> new TextTable("ID", "JOB", "ATTEMPTS", "ENQUEUED AT");
            case SCHEDULED -> new TextTable("ID", "JOB", "ATTEMPTS", "RUNS AT", "LAST ERROR");
            case ACTIVE -> new TextTable("ID", "JOB", "ATTEMPT", "WORKER", "RUNNING SINCE");
        };
        for (PendingJob p : jobs) {
            switch (state) {
                case QUEUED -> table.row(p.job().id(), p.job().name(), p.job().attempt(), p.job().enqueuedAt());
                case SCHEDULED -> table.row(p.job().id(), p.job().name(), p.job().attempt(), p.dueAt(), p.lastError());
                case ACTIVE -> table.row(p.job().id(), p.job().name(), p.job().attempt(), p.workerId(), p.activeSince());
            }
        }
        return table;
    }
}
