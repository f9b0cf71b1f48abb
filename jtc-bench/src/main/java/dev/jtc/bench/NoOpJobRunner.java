package dev.jtc.bench;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobRunner;

/**
 * The dispatch table of an application whose one job does nothing: what is left is the cost of
 * moving a job through jtc. While a latency phase runs it reads the job's stamp and records how
 * long ago it was dispatched, which is the only work it does.
 */
final class NoOpJobRunner implements JobRunner {

    private final LatencySamples latencies;

    /** @param latencies where enqueue-to-start latencies go; {@code null} records nothing */
    NoOpJobRunner(LatencySamples latencies) {
        this.latencies = latencies;
    }

    @Override
    public void run(String name, String payload, JobContext context) {
        if (latencies != null) {
            latencies.record(System.nanoTime() - Stamps.readJtcPayload(payload));
        }
    }
}
