package dev.jtc.bench;

import dev.jtc.micrometer.MicrometerMetricsProvider;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.DispatchOptions;
import dev.jtc.runtime.Dispatcher.PendingDispatch;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.broker.Broker;
import dev.jtc.runtime.broker.JobMessage;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import dev.jtc.runtime.worker.WorkerListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * jtc as an application uses it: {@link BrokerDispatcher#dispatch} and
 * {@link BrokerDispatcher#dispatchAll} on the producing side, real {@link Worker}s with a no-op
 * {@link NoOpJobRunner} on the consuming side, over whichever broker the {@link BrokerSource}
 * gives (Redis or in-memory). A job counts as finished when the worker reports it completed,
 * which is after the broker acknowledged it.
 */
final class JtcSystem implements QueueSystem {

    /** The one job type: what a generated {@code <App>Jobs} would hold for a no-op {@code @Job}. */
    static final JobType NOOP = new JobType("noop", "default", 0, JobType.NO_TIMEOUT, JobType.DEFAULT_BACKOFF_BASE,
            JobType.DEFAULT_BACKOFF_CAP, "5ea7a7e46d1e2b3c", "sentAt:long");

    private static final Duration WORKER_STOP_LIMIT = Duration.ofSeconds(30);

    private final String name;
    private final BrokerSource brokers;
    private final LoadOptions options;
    private final CpuMeter cpu;
    private final Clock clock = Clock.systemUTC();
    private final JtcVariant variant;

    JtcSystem(String name, BrokerSource brokers, LoadOptions options, CpuMeter cpu) {
        this(name, brokers, options, cpu, JtcVariant.PLAIN);
    }

    /** @param variant what each worker adds to the plain no-op job (meters, a middleware, a limit) */
    JtcSystem(String name, BrokerSource brokers, LoadOptions options, CpuMeter cpu, JtcVariant variant) {
        this.variant = variant;
        this.name = name;
        this.brokers = brokers;
        this.options = options;
        this.cpu = cpu;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Measurement enqueueSingle(Duration duration) {
        String payload = Stamps.jtcPayload(0);
        ProducerThreads.Sent sent;
        CpuPerJob used;
        try (Broker broker = brokers.open()) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
            CpuMeter.Reading before = cpu.read();
            sent = ProducerThreads.flatOut(options.producers(), duration, options.maxJobs(), producer -> () -> {
                dispatcher.dispatch(NOOP, payload, DispatchOptions.none());
                return 1;
            });
            used = cpu.since(before, sent.jobs());
        }
        brokers.wipe();
        return Measurement.throughput(name, Phase.ENQUEUE_SINGLE, sent.jobs(), sent.nanos(), used);
    }

    @Override
    public Measurement enqueueBatch(Duration duration) {
        List<PendingDispatch> batch = batch(options.batch());
        ProducerThreads.Sent sent;
        CpuPerJob used;
        try (Broker broker = brokers.open()) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
            CpuMeter.Reading before = cpu.read();
            sent = ProducerThreads.flatOut(options.producers(), duration, options.maxJobs(),
                    producer -> () -> dispatcher.dispatchAll(batch).size());
            used = cpu.since(before, sent.jobs());
        }
        brokers.wipe();
        return Measurement.throughput(name, Phase.ENQUEUE_BATCH, sent.jobs(), sent.nanos(), used);
    }

    @Override
    public Measurement drain(int jobs) {
        long start;
        long end;
        CpuPerJob used;
        try (Broker broker = brokers.open()) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
            List<PendingDispatch> batch = batch(options.batch());
            for (int queued = 0; queued < jobs; ) {
                int size = Math.min(batch.size(), jobs - queued);
                queued += dispatcher.dispatchAll(batch.subList(0, size)).size();
            }
            CompletionCounter counter = new CompletionCounter();
            counter.expect(jobs);
            List<Worker> workers = workers(broker, new NoOpJobRunner(null), counter);
            CpuMeter.Reading before = cpu.read();
            start = System.nanoTime();
            workers.forEach(Worker::start);
            end = counter.awaitTarget(name + " drain", Duration.ofMinutes(2));
            used = cpu.since(before, jobs);
            stop(workers);
        }
        brokers.wipe();
        return Measurement.throughput(name, Phase.DRAIN, jobs, end - start, used);
    }

    @Override
    public Measurement latency(int rate, Duration duration) {
        LatencySamples latencies = LatencySamples.forPhase(rate, duration);
        ProducerThreads.Pacing pacing = ProducerThreads.Pacing.forPhase(rate, duration);
        ProducerThreads.Sent sent;
        CpuPerJob used;
        try (Broker broker = brokers.open()) {
            BrokerDispatcher dispatcher = new BrokerDispatcher(broker, clock);
            CompletionCounter counter = new CompletionCounter();
            List<Worker> workers = workers(broker, new NoOpJobRunner(latencies), counter);
            CpuMeter.Reading before = cpu.read();
            workers.forEach(Worker::start);
            sent = ProducerThreads.paced(options.producers(), duration, rate, pacing,
                    producer -> stamp -> dispatcher.dispatch(NOOP, Stamps.jtcPayload(stamp), DispatchOptions.none()));
            counter.expect(sent.jobs());
            counter.awaitTarget(name + " latency", Duration.ofMinutes(1));
            used = cpu.since(before, sent.jobs());
            stop(workers);
        }
        brokers.wipe();
        return Measurement.latency(name, Phase.latency(rate), sent.jobs(), sent.nanos(), used, latencies.summary(pacing));
    }

    @Override
    public void close() {
        brokers.close();
    }

    private static List<PendingDispatch> batch(int size) {
        return Collections.nCopies(size, new PendingDispatch(NOOP, Stamps.jtcPayload(0), DispatchOptions.none()));
    }

    /** Workers that are built but not started; each completed job goes to {@code counter}. */
    private List<Worker> workers(Broker broker, JobRunner noop, CompletionCounter counter) {
        JobRunner runner = variant.runner(noop);
        JobType type = variant.jobType();
        WorkerListener counting = new WorkerListener() {
            @Override
            public void jobCompleted(JobMessage job, Duration took) {
                counter.add(1);
            }
        };
        List<Worker> workers = new ArrayList<>();
        for (int w = 0; w < options.workers(); w++) {
            WorkerConfig config = WorkerConfig.builder()
                    .workerId("bench-" + w)
                    .concurrency(options.concurrency())
                    .fetchBatchSize(options.fetchBatch())
                    .schedulerEnabled(false)
                    .shutdownGrace(Duration.ofSeconds(5))
                    .build();
            Worker worker = new Worker(broker, runner, List.of(type), List.of(), config, clock).addListener(counting);
            if (variant == JtcVariant.METRICS) {
                // Closed with the JVM: one registry per worker and phase is a few kilobytes.
                worker.addListener(new MicrometerMetricsProvider().create("bench", broker, clock));
            }
            workers.add(worker);
        }
        return workers;
    }

    private static void stop(List<Worker> workers) {
        workers.forEach(Worker::shutdown);
        for (Worker worker : workers) {
            try {
                if (!worker.awaitTermination(WORKER_STOP_LIMIT)) {
                    throw new IllegalStateException("worker " + worker.id() + " did not stop within " + WORKER_STOP_LIMIT.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping worker " + worker.id(), e);
            }
        }
    }
}
