package dev.jtc.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.InMemoryBroker;
import dev.jtc.runtime.broker.JobIds;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.metrics.MetricsProvider;
import dev.jtc.runtime.metrics.ProcessMetrics;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The meters move as a real worker runs, retries and fails jobs, and the scrape is valid Prometheus text. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JtcMetersTest {

    private static final List<JobType> TYPES = List.of(
            new JobType("Ok", "mail", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(2), "", ""),
            new JobType("Flaky", "mail", 2, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(2), "", ""),
            new JobType("Bad", "reports", 0, JobType.NO_TIMEOUT, Duration.ofMillis(1), Duration.ofMillis(2), "", ""));

    private final Clock clock = Clock.systemUTC();
    private final InMemoryBroker broker = new InMemoryBroker(clock);
    private final ProcessMetrics metrics = MetricsProvider.find().orElseThrow().create("Shop", broker, clock);
    private Worker worker;

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.shutdown(Duration.ZERO);
            assertTrue(worker.awaitTermination(Duration.ofSeconds(20)));
        }
        metrics.close();
        broker.close();
    }

    private MeterRegistry registry() {
        return ((JtcMeters) metrics).registry();
    }

    private double count(String name, String job, String queue) {
        return registry().get(name).tags("job", job, "queue", queue).counter().count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    private void enqueue(String name, String queue, int count) {
        for (int i = 0; i < count; i++) {
            broker.enqueue(JobMessage.create(JobIds.next(queue), name, queue, "{}", "", clock.instant().minusSeconds(2), null, null));
        }
    }

    @Test
    void theProviderIsFoundOnTheClassPath() {
        assertTrue(MetricsProvider.find().orElseThrow() instanceof MicrometerMetricsProvider);
    }

    @Test
    void metersMoveWhenJobsRunRetryAndFail() throws Exception {
        worker = new Worker(broker, (name, payload, context) -> {
            if (name.equals("Bad") || (name.equals("Flaky") && context.attempt() == 1)) {
                throw new IllegalStateException(name + " fails");
            }
        }, TYPES, List.of(), WorkerConfig.builder().workerId("w-metrics").queues(List.of("mail", "reports")).concurrency(2)
                .fetchWait(Duration.ofMillis(50)).build(), clock);
        worker.addListener(metrics);
        worker.start();
        enqueue("Ok", "mail", 3);
        enqueue("Flaky", "mail", 1);
        enqueue("Bad", "reports", 2);

        await("every outcome", () -> registry().find("jtc.jobs.completed").tags("job", "Flaky").counter() != null
                && count("jtc.jobs.completed", "Flaky", "mail") == 1 && registry().find("jtc.jobs.dead").tags("job", "Bad").counter() != null
                && count("jtc.jobs.dead", "Bad", "reports") == 2 && count("jtc.jobs.completed", "Ok", "mail") == 3);

        assertEquals(1, count("jtc.jobs.failed", "Flaky", "mail"));
        assertEquals(1, count("jtc.jobs.retried", "Flaky", "mail"));
        assertEquals(0, count("jtc.jobs.dead", "Flaky", "mail"));
        assertEquals(2, count("jtc.jobs.failed", "Bad", "reports"));
        assertEquals(0, count("jtc.jobs.retried", "Bad", "reports"));
        assertEquals(3, registry().get("jtc.jobs.duration").tags("job", "Ok", "queue", "mail").timer().count());
        double waited = registry().get("jtc.jobs.latency").tags("queue", "mail").timer().max(TimeUnit.SECONDS);
        assertTrue(waited >= 2, "enqueued 2 s in the past, so it waited at least that: " + waited);
        metrics.jobPostponed(JobMessage.create(JobIds.next("mail"), "Ok", "mail", "{}", "", clock.instant(), null, null),
                clock.instant().plusSeconds(1), "a limit");
        assertEquals(1, count("jtc.jobs.postponed", "Ok", "mail"));
        assertEquals(0, count("jtc.jobs.postponed", "Flaky", "mail"));
        metrics.tickEnqueued("Reports.daily", Instant.now().minusMillis(1500), Duration.ofMillis(1500));
        assertEquals(1.5, registry().get("jtc.scheduler.tick.lag").tags("task", "Reports.daily").timer().totalTime(TimeUnit.SECONDS));
    }

    @Test
    void theScrapeIsPrometheusTextWithJtcsNamesAndTheQueueGauges() {
        enqueue("Ok", "mail", 4);
        enqueue("Bad", "reports", 1);
        broker.pause("reports");
        metrics.jobCompleted(JobMessage.create("x@mail", "Ok", "mail", "{}", "", clock.instant(), null, null), Duration.ofMillis(12));

        Map<String, PrometheusText.Family> families = PrometheusText.parse(metrics.scrape());

        assertEquals("counter", families.get("jtc_jobs_completed_total").type());
        assertEquals(1.0, families.get("jtc_jobs_completed_total").value("jtc_jobs_completed_total",
                Map.of("application", "Shop", "job", "Ok", "queue", "mail")));
        assertEquals("summary", families.get("jtc_jobs_duration_seconds").type());
        assertEquals(0.012, families.get("jtc_jobs_duration_seconds").value("jtc_jobs_duration_seconds_sum",
                Map.of("application", "Shop", "job", "Ok", "queue", "mail")), 1e-9);
        assertEquals("gauge", families.get("jtc_queue_ready").type());
        assertEquals(4.0, families.get("jtc_queue_ready").value("jtc_queue_ready", Map.of("application", "Shop", "queue", "mail")));
        assertEquals(1.0, families.get("jtc_queue_paused").value("jtc_queue_paused", Map.of("application", "Shop", "queue", "reports")));
        assertTrue(families.get("jtc_queue_latency_seconds").value("jtc_queue_latency_seconds",
                Map.of("application", "Shop", "queue", "mail")) >= 2.0);
        assertEquals(0.0, families.get("jtc_workers").value("jtc_workers", Map.of("application", "Shop")));
    }
}
