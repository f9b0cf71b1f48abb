package dev.jtc.bench.jmh;

import dev.jtc.runtime.broker.JobIds;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a job id costs: jtc's {@link JobIds#next} (a monotonic ULID plus the queue) against
 * {@code UUID.randomUUID().toString()}, the id most Java job libraries use; on one thread and on
 * two, since {@code JobIds} keeps its ordering under a lock.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JobIdsBenchmark {

    @Benchmark
    public String idJtc() {
        return JobIds.next("default");
    }

    @Benchmark
    public String idRandomUuid() {
        return UUID.randomUUID().toString();
    }

    @Benchmark
    @Threads(2)
    public String idTwoThreadsJtc() {
        return JobIds.next("default");
    }

    @Benchmark
    @Threads(2)
    public String idTwoThreadsRandomUuid() {
        return UUID.randomUUID().toString();
    }
}
