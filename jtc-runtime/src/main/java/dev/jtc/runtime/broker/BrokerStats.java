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
 */
public record BrokerStats(List<QueueStats> queues, long failed, long processed, long failures, List<WorkerInfo> workers) {

    public BrokerStats {
        queues = List.copyOf(queues);
        workers = List.copyOf(workers);
    }
}
