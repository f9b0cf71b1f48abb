package dev.jtc.processor;

import dev.jtc.runtime.JobContext;
import java.time.Instant;

/**
 * The context of a first attempt of job {@code job-1} on the {@code default} queue, for tests that
 * call a generated dispatch table directly instead of through a worker.
 */
record FixedJobContext(String name, Instant enqueuedAt) implements JobContext {

    @Override
    public String id() {
        return "job-1";
    }

    @Override
    public String queue() {
        return "default";
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public boolean stopRequested() {
        return false;
    }
}
