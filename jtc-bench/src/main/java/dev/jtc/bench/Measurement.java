package dev.jtc.bench;

import java.util.Optional;

/**
 * One row of the results: what one system did in one phase, and how long it took.
 *
 * @param system which system ({@link LoadOptions#FLOOR}, {@link LoadOptions#JTC_REDIS}, ...)
 * @param phase which phase ({@link Phase})
 * @param jobs how many jobs the phase moved
 * @param nanos how long it took
 * @param cpu the CPU time redis-server and the client spent per job meanwhile
 * @param latency the enqueue-to-start percentiles, for latency phases only
 */
record Measurement(String system, Phase phase, long jobs, long nanos, CpuPerJob cpu, Optional<LatencySummary> latency) {

    static Measurement throughput(String system, Phase phase, long jobs, long nanos, CpuPerJob cpu) {
        return new Measurement(system, phase, jobs, nanos, cpu, Optional.empty());
    }

    static Measurement latency(String system, Phase phase, long jobs, long nanos, CpuPerJob cpu, LatencySummary latency) {
        return new Measurement(system, phase, jobs, nanos, cpu, Optional.of(latency));
    }

    double seconds() {
        return nanos / 1e9;
    }

    double jobsPerSecond() {
        return nanos == 0 ? 0 : jobs / seconds();
    }
}
