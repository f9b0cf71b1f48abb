package dev.jtc.runtime.cli;

import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.FailedJob;
import dev.jtc.runtime.broker.Failure;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code failed list|retry|delete|purge}: the failed (dead-letter) set, where jobs go when they
 * are out of attempts, cannot be decoded, or keep killing workers.
 */
@Command(name = "failed", description = "Inspect, retry, delete or purge failed jobs.",
        synopsisSubcommandLabel = "(list | retry | delete | purge)")
final class FailedCommand implements Callable<Integer> {

    private final CliContext context;

    FailedCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new IllegalArgumentException("say what to do with failed jobs: failed list, failed retry <id>, failed retry --all,"
                + " failed delete <id> or failed purge");
    }

    private static NotFoundException notFailed(String id) {
        return new NotFoundException("no failed job with id '" + id + "'",
                "'failed list' shows the failed jobs; 'status " + id + "' says where that job is");
    }

    private static Broker open(CliContext context, BrokerOptions options) {
        options.resolveWith(context).warnIfPrivate(context, "failed");
        return options.open(1);
    }

    /** {@code failed list}: newest first, with the reason and, on request, every attempt's failure. */
    @Command(name = "list", description = "List failed jobs, newest first.")
    static final class ListFailed implements Callable<Integer> {

        @Option(names = "--limit", paramLabel = "N", description = "How many to show (default 20).")
        int limit = 20;

        @Option(names = "--offset", paramLabel = "N", description = "How many of the newest to skip (default 0).")
        int offset;

        @Option(names = {"-v", "--verbose"}, description = "Show every failed attempt with its stack trace.")
        boolean verbose;

        @Mixin
        BrokerOptions brokerOptions;

        private final CliContext context;

        ListFailed(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (limit < 0 || offset < 0) {
                throw new UsageException("--limit and --offset must not be negative");
            }
            List<FailedJob> failed;
            long total;
            try (Broker broker = open(context, brokerOptions)) {
                failed = broker.failedJobs(offset, limit);
                total = broker.stats().failed();
            }
            context.out.println("Failed jobs: " + total + (failed.size() < total ? " (showing " + failed.size() + ")" : ""));
            if (failed.isEmpty()) {
                context.out.flush();
                return 0;
            }
            TextTable table = new TextTable("ID", "JOB", "QUEUE", "ATTEMPTS", "FAILED AT", "REASON");
            for (FailedJob f : failed) {
                table.row(f.job().id(), f.job().name(), f.job().queue(), f.job().attempt(), f.failedAt(), f.reason());
            }
            table.print(context.out);
            if (verbose) {
                for (FailedJob f : failed) {
                    context.out.println();
                    context.out.println(f.job().id() + " " + f.job().name() + " payload " + f.job().payload());
                    for (Failure attempt : f.history()) {
                        context.out.println("  attempt " + attempt.attempt() + " at " + DisplayFormat.instant(attempt.at()) + ": " + attempt.reason());
                        if (!attempt.stackTrace().isEmpty()) {
                            attempt.stackTrace().lines().forEach(line -> context.out.println("    " + line));
                        }
                    }
                }
            }
            context.out.flush();
            return 0;
        }
    }

    /** {@code failed retry <id>} or {@code failed retry --all}: back to the queue with fresh attempts. */
    @Command(name = "retry", description = "Put failed jobs back on their queues with a fresh attempt count.")
    static final class RetryFailed implements Callable<Integer> {

        static final class Which {
            @Parameters(paramLabel = "ID", description = "The failed job's id, as `failed list` shows it.")
            String id;

            @Option(names = "--all", required = true, description = "Retry every failed job.")
            boolean all;
        }

        @ArgGroup(multiplicity = "1")
        Which which;

        @Mixin
        BrokerOptions brokerOptions;

        private final CliContext context;

        RetryFailed(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Broker broker = open(context, brokerOptions)) {
                if (which.all) {
                    long retried = 0;
                    List<FailedJob> page;
                    while (!(page = broker.failedJobs(0, 100)).isEmpty()) {
                        long before = retried;
                        for (FailedJob f : page) {
                            retried += broker.retryFailed(f.job().id()) ? 1 : 0;
                        }
                        if (retried == before) {
                            break; // nothing on this page could be retried; do not loop forever
                        }
                    }
                    context.out.println("retried " + retried + " failed jobs");
                    return 0;
                }
                if (!broker.retryFailed(which.id)) {
                    throw notFailed(which.id);
                }
                context.out.println("retried " + which.id);
                return 0;
            }
        }
    }

    /** {@code failed delete <id>}. */
    @Command(name = "delete", description = "Delete one failed job.")
    static final class DeleteFailed implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The failed job's id, as `failed list` shows it.")
        String id;

        @Mixin
        BrokerOptions brokerOptions;

        private final CliContext context;

        DeleteFailed(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Broker broker = open(context, brokerOptions)) {
                if (!broker.deleteFailed(id)) {
                    throw notFailed(id);
                }
            }
            context.out.println("deleted " + id);
            return 0;
        }
    }

    /** {@code failed purge}. */
    @Command(name = "purge", description = "Delete every failed job.")
    static final class PurgeFailed implements Callable<Integer> {

        @Mixin
        BrokerOptions brokerOptions;

        private final CliContext context;

        PurgeFailed(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            long purged;
            try (Broker broker = open(context, brokerOptions)) {
                purged = broker.purgeFailed();
            }
            context.out.println("purged " + purged + " failed jobs");
            return 0;
        }
    }
}
