package dev.jtc.runtime.dashboard;

import dev.jtc.runtime.broker.Broker;

/**
 * The dashboard's change to jobs that are still waiting (scheduled or queued): cancel one, so it
 * never runs and its unique key is free again. Running jobs cannot be cancelled: Java has no safe
 * way to stop a thread, and a worker stops a job only at its timeout or at shutdown.
 */
final class WaitingJobActions {

    private final Broker broker;

    WaitingJobActions(Broker broker) {
        this.broker = broker;
    }

    /** True if the job was scheduled or queued and is now cancelled. */
    boolean cancel(String jobId) {
        return broker.cancel(jobId);
    }
}
