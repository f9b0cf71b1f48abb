package dev.jtc.bench.jmh;

import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What jtc's Micrometer meters cost a worker per job: the two events a completed job raises
 * ({@code jobStarted}, then {@code jobCompleted}) on jtc-micrometer's listener, against the
 * floor of the same meters written by hand (the latency timer, the completed counter and the
 * duration timer, already looked up), on a Prometheus registry each. Jobs cycle through four
 * names on two queues, as a worker's do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class MetricsListenerBenchmark {

    private static final Duration TOOK = Duration.ofMillis(3);

    private final Clock clock = Clock.systemUTC();
    private final JobMessage[] jobs = new JobMessage[4];
    private InMemoryBroker broker;
    private ProcessMetrics metrics;
    private PrometheusMeterRegistry handWritten;
    private Timer[] latency;
    private Counter[] completed;
    private Timer[] duration;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        broker = new InMemoryBroker(clock);
        metrics = MetricsProvider.find().orElseThrow(() -> new IllegalStateException("jtc-micrometer is not on the class path"))
                .create("Bench", broker, clock);
        handWritten = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        latency = new Timer[jobs.length];
        completed = new Counter[jobs.length];
        duration = new Timer[jobs.length];
        String[] names = {"SendMail", "charge-payment", "GenerateInvoice", "ReserveStock"};
        for (int i = 0; i < jobs.length; i++) {
            String queue = i % 2 == 0 ? "mail" : "default";
            jobs[i] = JobMessage.create(JobIds.next(queue), names[i], queue, "{}", "", Instant.now(clock), null, null);
            latency[i] = Timer.builder("jtc.jobs.latency").tag("queue", queue).register(handWritten);
            completed[i] = Counter.builder("jtc.jobs.completed").tags("job", names[i], "queue", queue).register(handWritten);
            duration[i] = Timer.builder("jtc.jobs.duration").tags("job", names[i], "queue", queue).register(handWritten);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        metrics.close();
        handWritten.close();
        broker.close();
    }

    @Benchmark
    public void perJobJtc() {
        JobMessage job = jobs[next++ & 3];
        metrics.jobStarted(job);
        metrics.jobCompleted(job, TOOK);
    }

    @Benchmark
    public void perJobHandWritten() {
        int i = next++ & 3;
        JobMessage job = jobs[i];
        Duration waited = Duration.between(job.enqueuedAt(), clock.instant());
        latency[i].record(waited.isNegative() ? Duration.ZERO : waited);
        completed[i].increment();
        duration[i].record(TOOK);
    }
}
