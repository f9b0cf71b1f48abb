package dev.jtc.micrometer;

import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.BrokerStats;
import dev.jtc.runtime.broker.Failure;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.broker.QueueStats;
import dev.jtc.runtime.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jtc's meters on a Micrometer registry. Counted by the worker's events (so a dashboard process,
 * which runs no job, has only the gauges):
 * <ul>
 *   <li>{@code jtc.jobs.completed}, {@code jtc.jobs.failed} (attempts that failed, retried or not),
 *       {@code jtc.jobs.retried}, {@code jtc.jobs.dead} (went to the failed set), {@code jtc.jobs.postponed}
 *       (held back by a limit or a middleware, the attempt not counted): counters tagged
 *       {@code job} and {@code queue};
 *   <li>{@code jtc.jobs.duration}: timer of completed attempts, tagged {@code job} and {@code queue};
 *   <li>{@code jtc.jobs.latency}: timer from when a job became ready to when it started, tagged {@code queue};
 *   <li>{@code jtc.scheduler.tick.lag}: timer from a tick's time to its run's enqueue, tagged {@code task}.
 * </ul>
 * Read from {@link Broker#stats()}, at most once per {@link #STATS_MAX_AGE} whatever the scrape
 * rate: gauges {@code jtc.queue.ready}, {@code jtc.queue.scheduled}, {@code jtc.queue.active},
 * {@code jtc.queue.latency} (seconds), {@code jtc.queue.paused} (0 or 1), tagged {@code queue};
 * {@code jtc.failed.jobs} and {@code jtc.workers}. Every meter carries the tag {@code application}.
 */
final class JtcMeters implements ProcessMetrics {

    /** How stale the queue gauges may get: one {@code stats()} call per this, not one per gauge or scrape. */
    static final Duration STATS_MAX_AGE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(JtcMeters.class);

    /** The meters of one job name on one queue, looked up once. */
    private record JobMeters(Counter completed, Counter failed, Counter retried, Counter dead, Counter postponed, Timer duration) {}

    private final MeterRegistry registry;
    private final Broker broker;
    private final Clock clock;
    /** Per queue, then per job name: two lookups with the job's own strings, so a job allocates no key. */
    private final Map<String, Map<String, JobMeters>> jobs = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();
    private final Map<String, Timer> tickLags = new ConcurrentHashMap<>();
    private final MultiGauge ready;
    private final MultiGauge scheduled;
    private final MultiGauge active;
    private final MultiGauge latency;
    private final MultiGauge paused;
    private final AtomicLong failedSet = new AtomicLong();
    private final AtomicLong workers = new AtomicLong();
    private final Object refreshLock = new Object();
    private volatile long statsReadAt = Long.MIN_VALUE;

    JtcMeters(MeterRegistry registry, String application, Broker broker, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.clock = Objects.requireNonNull(clock, "clock");
        registry.config().commonTags("application", application);
        ready = MultiGauge.builder("jtc.queue.ready").description("Jobs waiting for a worker, due retries included").register(registry);
        scheduled = MultiGauge.builder("jtc.queue.scheduled").description("Jobs waiting for a later run-at time").register(registry);
        active = MultiGauge.builder("jtc.queue.active").description("Jobs a worker has taken and not finished").register(registry);
        latency = MultiGauge.builder("jtc.queue.latency").baseUnit("seconds")
                .description("How long the oldest ready job has waited").register(registry);
        paused = MultiGauge.builder("jtc.queue.paused").description("1 while the queue is paused").register(registry);
        Gauge.builder("jtc.failed.jobs", failedSet, AtomicLong::get).description("Jobs in the failed set").register(registry);
        Gauge.builder("jtc.workers", workers, AtomicLong::get).description("Workers with a live heartbeat").register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    private JobMeters meters(JobMessage job) {
        Map<String, JobMeters> ofQueue = jobs.get(job.queue());
        JobMeters meters = ofQueue == null ? null : ofQueue.get(job.name());
        return meters != null ? meters : register(job.name(), job.queue());
    }

    private JobMeters register(String name, String queue) {
        return jobs.computeIfAbsent(queue, q -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> {
            Tags tags = Tags.of("job", name, "queue", queue);
            return new JobMeters(
                    Counter.builder("jtc.jobs.completed").description("Attempts that completed").tags(tags).register(registry),
                    Counter.builder("jtc.jobs.failed").description("Attempts that failed, retried or not").tags(tags).register(registry),
                    Counter.builder("jtc.jobs.retried").description("Failed attempts with a retry scheduled").tags(tags).register(registry),
                    Counter.builder("jtc.jobs.dead").description("Jobs moved to the failed set").tags(tags).register(registry),
                    Counter.builder("jtc.jobs.postponed").description("Attempts held back by a limit or a middleware, not counted")
                            .tags(tags).register(registry),
                    Timer.builder("jtc.jobs.duration").description("How long completed attempts ran").tags(tags).register(registry));
        });
    }

    @Override
    public void jobStarted(JobMessage job) {
        Instant readySince = job.runAt() != null && job.runAt().isAfter(job.enqueuedAt()) ? job.runAt() : job.enqueuedAt();
        Duration waited = Duration.between(readySince, clock.instant());
        Timer timer = latencies.get(job.queue());
        if (timer == null) {
            timer = latencies.computeIfAbsent(job.queue(), queue -> Timer.builder("jtc.jobs.latency")
                    .description("From when a job became ready to when it started").tag("queue", queue).register(registry));
        }
        timer.record(waited.isNegative() ? Duration.ZERO : waited);
    }

    @Override
    public void jobCompleted(JobMessage job, Duration took) {
        JobMeters m = meters(job);
        m.completed().increment();
        m.duration().record(took);
    }

    @Override
    public void jobPostponed(JobMessage job, Instant runAt, String reason) {
        meters(job).postponed().increment();
    }

    @Override
    public void jobRetried(JobMessage job, Failure failure, Instant retryAt) {
        JobMeters m = meters(job);
        m.failed().increment();
        m.retried().increment();
    }

    @Override
    public void jobFailed(JobMessage job, Failure failure) {
        JobMeters m = meters(job);
        m.failed().increment();
        m.dead().increment();
    }

    @Override
    public void tickEnqueued(String task, Instant tick, Duration lag) {
        tickLags.computeIfAbsent(task, name -> Timer.builder("jtc.scheduler.tick.lag")
                        .description("From a tick's time to the enqueue of its run").tag("task", name).register(registry))
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Reads the broker's stats into the gauges if they are older than {@link #STATS_MAX_AGE}. */
    void refreshGauges() {
        synchronized (refreshLock) {
            long now = System.nanoTime();
            if (statsReadAt != Long.MIN_VALUE && now - statsReadAt < STATS_MAX_AGE.toNanos()) {
                return;
            }
            statsReadAt = now;
            BrokerStats stats;
            try {
                stats = broker.stats();
            } catch (RuntimeException e) {
                log.warn("metrics: could not read the queue gauges from the broker ({}); they keep their last values", e.getMessage());
                return;
            }
            Instant at = clock.instant();
            ready.register(rows(stats, q -> q.ready()), true);
            scheduled.register(rows(stats, q -> q.scheduled()), true);
            active.register(rows(stats, q -> q.active()), true);
            latency.register(rows(stats, q -> q.latency(at).map(d -> d.toMillis() / 1000.0).orElse(0.0)), true);
            paused.register(rows(stats, q -> q.paused() ? 1 : 0), true);
            failedSet.set(stats.failed());
            workers.set(stats.workers().size());
        }
    }

    private static List<MultiGauge.Row<?>> rows(BrokerStats stats, ToDoubleFunction<QueueStats> value) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (QueueStats q : stats.queues()) {
            double v = value.applyAsDouble(q);
            rows.add(MultiGauge.Row.of(Tags.of("queue", q.queue()), v));
        }
        return rows;
    }

    @Override
    public String scrape() {
        refreshGauges();
        if (registry instanceof PrometheusMeterRegistry prometheus) {
            return prometheus.scrape();
        }
        throw new IllegalStateException("scrape() needs a PrometheusMeterRegistry, not " + registry.getClass().getName());
    }

    @Override
    public void close() {
        registry.close();
    }
}
