package dev.jtc.runtime.broker;

import java.time.Instant;
import java.util.List;

/**
 * A worker as it announces itself with every heartbeat.
 *
 * @param id unique per worker process
 * @param host the host name
 * @param pid the process id
 * @param queues the queues it listens to, in order
 * @param concurrency how many jobs it runs at once
 * @param startedAt when it started
 * @param lastHeartbeat when it last said it is alive
 * @param running the jobs it was running at that heartbeat, oldest first
 */
public record WorkerInfo(String id, String host, long pid, List<String> queues, int concurrency,
        Instant startedAt, Instant lastHeartbeat, List<BusySlot> running) {

    public WorkerInfo {
        queues = List.copyOf(queues);
        running = List.copyOf(running);
    }

    /** A worker that runs nothing at the moment. */
    public WorkerInfo(String id, String host, long pid, List<String> queues, int concurrency, Instant startedAt,
            Instant lastHeartbeat) {
        this(id, host, pid, queues, concurrency, startedAt, lastHeartbeat, List.of());
    }

    /** Slots free to take another job, as of its last heartbeat. */
    public int idleSlots() {
        return Math.max(0, concurrency - running.size());
    }
}
