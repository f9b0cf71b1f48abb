package dev.jtc.runtime.broker;

import java.util.List;

/**
 * A snapshot of the whole broker, for {@code stats} and the dashboard.
 *
 * @param queues per-queue sizes, sorted by name
 * @param failed jobs in the failed set
 * @param processed attempts that completed, since the namespace was created
 * @param failures attempts that failed (retried or not), since the namespace was created
 * @param workers the workers that heartbeat
 * @param brokenKeys jtc's keys that hold another type of data than jtc keeps there (counted as empty
 *     above); the operations that touch one are refused until it is repaired (see {@code check})
 */
public record BrokerStats(List<QueueStats> queues, long failed, long processed, long failures, List<WorkerInfo> workers,
        List<BrokenKey> brokenKeys) {

    public BrokerStats {
        queues = List.copyOf(queues);
        workers = List.copyOf(workers);
        brokenKeys = List.copyOf(brokenKeys);
    }

    /** Whether one of the live workers listens to {@code queue}. */
    public boolean listenedTo(String queue) {
        return workers.stream().anyMatch(w -> w.queues().contains(queue));
    }

    /** A snapshot without broken keys (the in-memory broker never has any). */
    public BrokerStats(List<QueueStats> queues, long failed, long processed, long failures, List<WorkerInfo> workers) {
        this(queues, failed, processed, failures, workers, List.of());
    }
}
