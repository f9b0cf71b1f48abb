package dev.jtc.runtime.cli;

import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.JobState;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobDetails;
import dev.jtc.runtime.broker.JobMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code status <id>}: one job by its id, as the broker knows it: its state, queue, name,
 * attempts, times, last error and payload. A job the broker does not know exits with
 * {@link JtcCommandLine#EXIT_NOT_FOUND}, so a script can wait for a job with it.
 */
@Command(name = "status", description = "Show one job by its id: state, queue, attempts, times, errors and payload.")
final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The job's id, as enqueue, jobs and failed list print it.")
    String id;

    @Option(names = {"-v", "--verbose"}, description = "Show each failed attempt's stack trace.")
    boolean verbose;

    @Mixin
    BrokerOptions brokerOptions;

    private final CliContext context;

    StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        brokerOptions.resolveWith(context).warnIfPrivate(context, "status");
        Optional<JobDetails> found;
        try (Broker broker = brokerOptions.open(1)) {
            found = broker.details(id);
        }
        if (found.isEmpty()) {
            throw new NotFoundException("no job with id '" + id + "' in " + brokerOptions.describe(),
                    "it never existed there, or it completed or was cancelled longer ago than JTC_COMPLETED_RETENTION"
                            + " (default 5m); 'jobs <queue>' and 'failed list' show the jobs there are");
        }
        print(found.get());
        return JtcCommandLine.EXIT_OK;
    }

    private void print(JobDetails details) {
        Instant now = context.clock.instant();
        List<String[]> fields = new ArrayList<>();
        fields.add(field("state", DisplayFormat.state(details.state())));
        fields.add(field("queue", details.queue()));
        JobMessage job = details.job();
        if (job != null) {
            fields.add(field("name", job.name()));
            fields.add(field("attempts", attempts(job)));
            if (job.recoveries() > 0) {
                fields.add(field("recoveries", job.recoveries() + " (taken back from workers that died running it)"));
            }
            fields.add(field("enqueued at", DisplayFormat.instant(job.enqueuedAt())));
        }
        if (details.state() == JobState.SCHEDULED && details.dueAt() != null) {
            fields.add(field("runs at", DisplayFormat.instant(details.dueAt()) + relative(details.dueAt(), now)));
        }
        if (details.state() == JobState.ACTIVE) {
            fields.add(field("worker", details.workerId()));
            if (details.activeSince() != null) {
                fields.add(field("running since", DisplayFormat.instant(details.activeSince()) + relative(details.activeSince(), now)));
            }
        }
        if (details.state() == JobState.FAILED) {
            fields.add(field("failed at", DisplayFormat.instant(details.failedAt())));
            fields.add(field("reason", details.reason()));
        } else if (details.lastError() != null) {
            fields.add(field("last error", details.lastError()));
        }
        if (job != null) {
            if (job.uniqueKey() != null) {
                fields.add(field("unique key", job.uniqueKey()));
            }
            if (!job.fingerprint().isEmpty()) {
                fields.add(field("fingerprint", job.fingerprint()));
            }
            fields.add(field("payload", job.payload()));
        }
        context.out.println("Job " + details.id());
        int width = fields.stream().mapToInt(f -> f[0].length()).max().orElse(0) + 1;
        for (String[] f : fields) {
            context.out.println("  " + f[0] + ":" + " ".repeat(width - f[0].length() + 1) + (f[1] == null ? "" : f[1]));
        }
        if (job == null) {
            context.out.println("  (a completed job keeps only its state, for JTC_COMPLETED_RETENTION, default 5m)");
        }
        if (!details.history().isEmpty()) {
            context.out.println("Failed attempts (" + details.history().size() + "), oldest first");
            for (Failure failure : details.history()) {
                context.out.println("  attempt " + failure.attempt() + " at " + DisplayFormat.instant(failure.at()) + ": "
                        + failure.reason());
                if (verbose && !failure.stackTrace().isEmpty()) {
                    failure.stackTrace().lines().forEach(line -> context.out.println("    " + line));
                }
            }
        }
        context.out.flush();
    }

    /** "2", or "2 of 4" when this application knows the job and so how many attempts it gets. */
    private String attempts(JobMessage job) {
        Optional<JobType> type = AppJobs.all(context.app).stream().filter(t -> t.name().equals(job.name())).findFirst();
        return job.attempt() + type.map(t -> " of " + (t.retries() + 1)).orElse("");
    }

    private static String relative(Instant at, Instant now) {
        return at.isAfter(now) ? " (in " + DisplayFormat.span(now, at) + ")" : " (" + DisplayFormat.span(at, now) + " ago)";
    }

    private static String[] field(String name, String value) {
        return new String[] {name, value};
    }
}
