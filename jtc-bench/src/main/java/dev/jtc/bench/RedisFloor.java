package dev.jtc.bench;

import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * The baseline every figure is divided by: the same work done with plain Redis commands and
 * nothing else, the classic reliable queue. Producers {@code LPUSH} (one value per round trip, or
 * one multi-value {@code LPUSH} per batch, as Sidekiq's bulk push does); consumers move jobs into
 * a private processing list with pipelined {@code LMOVE}s (blocking on {@code BLMOVE} when the
 * queue is empty), "run" them and remove them with pipelined {@code LREM}s. No job records, no
 * Lua, no heartbeats, no retries: a floor, not a rival.
 */
final class RedisFloor implements QueueSystem {

    static final String QUEUE = "floor:queue:default";

    private final int port;
    private final LoadOptions options;
    private final CpuMeter cpu;
    private final Jedis admin;

    RedisFloor(int port, LoadOptions options, CpuMeter cpu) {
        this.port = port;
        this.options = options;
        this.cpu = cpu;
        this.admin = connect(port);
    }

    static Jedis connect(int port) {
        return new Jedis("127.0.0.1", port);
    }

    @Override
    public String name() {
        return LoadOptions.FLOOR;
    }

    @Override
    public Measurement enqueueSingle(Duration duration) {
        CpuMeter.Reading before = cpu.read();
        ProducerThreads.Sent sent = ProducerThreads.flatOut(options.producers(), duration, options.maxJobs(),
                producer -> new Producer(port, producer, 1));
        CpuPerJob used = cpu.since(before, sent.jobs());
        admin.flushAll();
        return Measurement.throughput(name(), Phase.ENQUEUE_SINGLE, sent.jobs(), sent.nanos(), used);
    }

    @Override
    public Measurement enqueueBatch(Duration duration) {
        CpuMeter.Reading before = cpu.read();
        ProducerThreads.Sent sent = ProducerThreads.flatOut(options.producers(), duration, options.maxJobs(),
                producer -> new Producer(port, producer, options.batch()));
        CpuPerJob used = cpu.since(before, sent.jobs());
        admin.flushAll();
        return Measurement.throughput(name(), Phase.ENQUEUE_BATCH, sent.jobs(), sent.nanos(), used);
    }

    @Override
    public Measurement drain(int jobs) {
        try (Producer filler = new Producer(port, 0, options.batch())) {
            for (int queued = 0; queued < jobs; ) {
                queued += filler.send(Math.min(options.batch(), jobs - queued));
            }
        }
        CompletionCounter counter = new CompletionCounter();
        counter.expect(jobs);
        CpuMeter.Reading before = cpu.read();
        long start = System.nanoTime();
        long end;
        CpuPerJob used;
        FloorConsumers consumers = FloorConsumers.start(port, options.consumers(), options.fetchBatch(), counter, null);
        try {
            end = counter.awaitTarget(name() + " drain", Duration.ofMinutes(2));
            used = cpu.since(before, jobs);
        } finally {
            consumers.close();
        }
        admin.flushAll();
        return Measurement.throughput(name(), Phase.DRAIN, jobs, end - start, used);
    }

    @Override
    public Measurement latency(int rate, Duration duration) {
        LatencySamples latencies = LatencySamples.forPhase(rate, duration);
        ProducerThreads.Pacing pacing = ProducerThreads.Pacing.forPhase(rate, duration);
        CompletionCounter counter = new CompletionCounter();
        ProducerThreads.Sent sent;
        CpuPerJob used;
        CpuMeter.Reading before = cpu.read();
        FloorConsumers consumers = FloorConsumers.start(port, options.consumers(), options.fetchBatch(), counter, latencies);
        try {
            sent = ProducerThreads.paced(options.producers(), duration, rate, pacing, producer -> {
                Producer single = new Producer(port, producer, 1);
                return new ProducerThreads.StampedSender() {
                    @Override
                    public void send(long stampNanos) {
                        single.sendStamped(stampNanos);
                    }

                    @Override
                    public void close() {
                        single.close();
                    }
                };
            });
            counter.expect(sent.jobs());
            counter.awaitTarget(name() + " latency", Duration.ofMinutes(1));
            used = cpu.since(before, sent.jobs());
        } finally {
            consumers.close();
        }
        admin.flushAll();
        return Measurement.latency(name(), Phase.latency(rate), sent.jobs(), sent.nanos(), used, latencies.summary(pacing));
    }

    @Override
    public void close() {
        admin.close();
    }

    /** One producer thread's connection; each call is one round trip. */
    private static final class Producer implements ProducerThreads.Sender {
        private final Jedis jedis;
        private final String idPrefix;
        private final int batch;
        private long sequence;

        Producer(int port, int producer, int batch) {
            this.jedis = connect(port);
            this.idPrefix = "p" + producer + "-";
            this.batch = batch;
        }

        @Override
        public int send() {
            return send(batch);
        }

        int send(int jobs) {
            long now = System.currentTimeMillis();
            if (jobs == 1) {
                jedis.lpush(QUEUE, Stamps.floorMessage(0, idPrefix + sequence++, now));
                return 1;
            }
            String[] messages = new String[jobs];
            for (int i = 0; i < jobs; i++) {
                messages[i] = Stamps.floorMessage(0, idPrefix + sequence++, now);
            }
            jedis.lpush(QUEUE, messages);
            return jobs;
        }

        void sendStamped(long stampNanos) {
            jedis.lpush(QUEUE, Stamps.floorMessage(stampNanos, idPrefix + sequence++, System.currentTimeMillis()));
        }

        @Override
        public void close() {
            jedis.close();
        }
    }
}
