package dev.jtc.runtime.broker;

/**
 * Sizes of one queue.
 *
 * @param queue the queue's name
 * @param ready jobs waiting for a worker
 * @param scheduled jobs waiting for their run-at time (delayed jobs and retries)
 * @param active jobs fetched by a worker and not yet finished
 */
public record QueueStats(String queue, long ready, long scheduled, long active) {}
