package dev.jtc.runtime.broker;

/**
 * The outcome of one enqueue.
 *
 * @param id the job's id; the pending job's id when {@code duplicate}
 * @param duplicate true if the unique key was taken, so nothing was enqueued
 */
public record EnqueueResult(String id, boolean duplicate) {}
