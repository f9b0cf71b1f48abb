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
 */
public record WorkerInfo(String id, String host, long pid, List<String> queues, int concurrency,
        Instant startedAt, Instant lastHeartbeat) {

    public WorkerInfo {
        queues = List.copyOf(queues);
    }
}
