package dev.jtc.runtime.broker;

import java.time.Instant;
import java.util.List;

/**
 * A job in the failed (dead-letter) set: out of attempts, undecodable, unknown, or a poison pill.
 *
 * @param job the job as it was last delivered
 * @param failedAt when it entered the failed set
 * @param reason why it is here, in one line
 * @param history every failed attempt, oldest first
 */
public record FailedJob(JobMessage job, Instant failedAt, String reason, List<Failure> history) {

    public FailedJob {
        history = List.copyOf(history);
    }
}
