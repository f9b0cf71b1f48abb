package dev.jtc.runtime.broker;

import java.time.Instant;
import java.util.Objects;

/**
 * One job a worker is running, as its last heartbeat said.
 *
 * @param jobId the job's id
 * @param name the job's name on the wire
 * @param queue its queue
 * @param startedAt when this attempt started
 */
public record BusySlot(String jobId, String name, String queue, Instant startedAt) {

    public BusySlot {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
