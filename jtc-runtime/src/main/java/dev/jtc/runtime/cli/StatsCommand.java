package dev.jtc.runtime.cli;

import dev.jtc.runtime.DisplayFormat;
import dev.jtc.runtime.broker.BrokenKey;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.BusySlot;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.broker.WorkerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stats}: queue sizes, counters and live workers, read from the broker. */
@Command(name = "stats", description = "Show queue sizes, processed and failed counts, the live workers, and broken keys.")
final class StatsCommand implements Callable<Integer> {

    @Mixin
    BrokerOptions brokerOptions;

    private final CliContext context;

    StatsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        brokerOptions.resolveWith(context).warnIfPrivate(context, "stats");
        BrokerStats stats;
        try (Broker broker = brokerOptions.open(1)) {
            stats = broker.stats();
        }
        Instant now = context.clock.instant();
        context.out.println("Broker: " + brokerOptions.describe());
        context.out.println("Processed: " + stats.processed() + "   Failed attempts: " + stats.failures()
                + "   In the failed set: " + stats.failed());
        context.out.println();
        context.out.println("Queues (" + stats.queues().size() + ")");
        if (stats.queues().isEmpty()) {
            context.out.println("  none yet");
        } else {
            TextTable queues = new TextTable("QUEUE", "STATE", "QUEUED", "SCHEDULED", "ACTIVE", "LATENCY");
            List<String> unlistened = new ArrayList<>();
            for (QueueStats q : stats.queues()) {
                queues.row(q.queue(), q.paused() ? "paused" : "running", q.ready(), q.scheduled(), q.active(),
                        q.latency(now).map(DisplayFormat::span).orElse("-"));
                if (q.ready() > 0 && !stats.listenedTo(q.queue())) {
                    unlistened.add(q.queue());
                }
            }
            queues.print(context.out);
            if (!unlistened.isEmpty()) {
                context.out.println("warning: no live worker listens to " + String.join(", ", unlistened)
                        + ", which hold" + (unlistened.size() == 1 ? "s" : "") + " ready jobs; start one with 'work --queues "
                        + String.join(",", unlistened) + "'");
            }
        }
        if (!stats.brokenKeys().isEmpty()) {
            context.out.println();
            context.out.println("Broken keys (" + stats.brokenKeys().size() + "): they hold another type than jtc keeps there;"
                    + " the operations on them are refused and their jobs stay where they are");
            TextTable broken = new TextTable("KEY", "TYPE", "EXPECTED");
            for (BrokenKey b : stats.brokenKeys()) {
                broken.row(b.key(), b.found(), b.expected());
            }
            broken.print(context.out);
            context.out.println("hint: inspect them (redis-cli TYPE <key>), then run 'check --repair' to set them aside");
        }
        context.out.println();
        context.out.println("Workers (" + stats.workers().size() + ")");
        if (stats.workers().isEmpty()) {
            context.out.println("  none running");
        } else {
            TextTable workers = new TextTable("ID", "HOST", "PID", "QUEUES", "BUSY", "UP FOR", "LAST HEARTBEAT");
            TextTable running = new TextTable("WORKER", "JOB", "NAME", "QUEUE", "RUNNING FOR");
            for (WorkerInfo w : stats.workers()) {
                workers.row(w.id(), w.host(), w.pid(), String.join(",", w.queues()), w.running().size() + "/" + w.concurrency(),
                        DisplayFormat.span(w.startedAt(), now), DisplayFormat.span(w.lastHeartbeat(), now) + " ago");
                for (BusySlot slot : w.running()) {
                    running.row(w.id(), slot.jobId(), slot.name(), slot.queue(), DisplayFormat.span(slot.startedAt(), now));
                }
            }
            workers.print(context.out);
            long busy = stats.workers().stream().mapToLong(w -> w.running().size()).sum();
            if (busy > 0) {
                context.out.println();
                context.out.println("Running jobs (" + busy + ", as of each worker's last heartbeat)");
                running.print(context.out);
            }
        }
        context.out.flush();
        return 0;
    }
}
