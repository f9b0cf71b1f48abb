package dev.jtc.runtime.redis;

import dev.jtc.runtime.JobContext;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.worker.Worker;
import dev.jtc.runtime.worker.WorkerConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A tiny worker application run as its own JVM by the process-level tests, so that they can kill
 * it for real. Its jobs write what they do into Redis under {@code test:*}, where the test reads it.
 *
 * <p>Arguments: redis URL, namespace, worker id, concurrency, heartbeat interval ms, heartbeat TTL
 * ms, recovery interval ms, shutdown grace ms, and {@code ticks} to run the 1-second scheduled task; the
 * system property {@code jtc.test.maxRecoveries} sets how often a job may be taken back from dead
 * workers (3 unless set).
 * SIGTERM shuts the worker down gracefully (a shutdown hook), SIGKILL is a crash.
 *
 * <p>Jobs: {@code Sleep} with payload {@code {"ms":N}} records {@code test:started} and
 * {@code test:done} (lists of job ids) around an interruptible sleep; the task {@code Tick.every}
 * records its job id in {@code test:ticks}. {@code Limited} ({@code maxConcurrency}
 * {@link #MAX_CONCURRENCY}) sleeps like {@code Sleep} and counts how many of it run at once in
 * {@code test:running}, the most ever in {@code test:mostRunning}; {@code Rated} (a rate limit of
 * {@link #RATE} per {@link #RATE_WINDOW}) records when it started (epoch ms) in {@code test:rated}.
 */
public final class TestWorkerMain {

    static final String SLEEP = "Sleep";
    static final String TICK = "Tick.every";
    static final String LIMITED = "Limited";
    static final String RATED = "Rated";
    static final int MAX_CONCURRENCY = 3;
    static final int RATE = 20;
    static final Duration RATE_WINDOW = Duration.ofSeconds(1);
    private static final String COUNT_RUNNING = "local n = redis.call('INCR', KEYS[1])"
            + " if n > tonumber(redis.call('GET', KEYS[2]) or '0') then redis.call('SET', KEYS[2], n) end return n";
    private static final Pattern MILLIS = Pattern.compile("\"ms\"\\s*:\\s*(\\d+)");

    private TestWorkerMain() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String namespace = args[1];
        String workerId = args[2];
        int concurrency = Integer.parseInt(args[3]);
        Duration heartbeat = Duration.ofMillis(Long.parseLong(args[4]));
        Duration ttl = Duration.ofMillis(Long.parseLong(args[5]));
        Duration recovery = Duration.ofMillis(Long.parseLong(args[6]));
        Duration grace = Duration.ofMillis(Long.parseLong(args[7]));
        boolean ticks = args.length > 8 && args[8].equals("ticks");
        int maxRecoveries = Integer.getInteger("jtc.test.maxRecoveries", 3);

        Clock clock = Clock.systemUTC();
        RedisBroker redis = RedisBroker.connect(url, namespace, clock);
        JedisPool records = new JedisPool(URI.create(url));
        JobRunner runner = (name, payload, context) -> run(records, name, payload, context);
        List<JobType> types = List.of(
                new JobType(SLEEP, "default", 0, Duration.ZERO, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", ""),
                new JobType(LIMITED, "default", 0, Duration.ZERO, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", "",
                        JobLimits.NONE.withMaxConcurrency(MAX_CONCURRENCY)),
                new JobType(RATED, "default", 0, Duration.ZERO, JobType.DEFAULT_BACKOFF_BASE, JobType.DEFAULT_BACKOFF_CAP, "", "",
                        JobLimits.NONE.withRate(RATE, RATE_WINDOW)));
        List<ScheduledTask> tasks = ticks ? List.of(ScheduledTask.every(TICK, "1s", Duration.ofSeconds(1)).build()) : List.of();
        WorkerConfig config = WorkerConfig.builder()
                .workerId(workerId)
                .concurrency(concurrency)
                .fetchBatchSize(concurrency)
                .heartbeat(heartbeat, ttl)
                .recoveryInterval(recovery)
                .maxRecoveries(maxRecoveries)
                .shutdownGrace(grace)
                .schedulerEnabled(ticks)
                .build();
        Worker worker = new Worker(ticks ? new ClaimRecordingBroker(redis, records, workerId) : redis, runner, types, tasks,
                config, clock);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            worker.shutdown(grace);
            try {
                worker.awaitTermination(grace.plusSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redis.close();
            records.close();
        }, "test-worker-shutdown"));
        worker.start();
        System.out.println("READY " + workerId);
        worker.awaitTermination(Duration.ofDays(1));
    }

    private static void run(JedisPool records, String name, String payload, JobContext context) throws Exception {
        switch (name) {
            case SLEEP -> {
                Matcher ms = MILLIS.matcher(payload);
                long millis = ms.find() ? Long.parseLong(ms.group(1)) : 0;
                record(records, "test:started", context.id());
                Thread.sleep(millis);
                record(records, "test:done", context.id());
            }
            case TICK -> record(records, "test:ticks", context.id());
            case LIMITED -> {
                Matcher ms = MILLIS.matcher(payload);
                try (Jedis jedis = records.getResource()) {
                    jedis.eval(COUNT_RUNNING, List.of("test:running", "test:mostRunning"), List.of());
                }
                Thread.sleep(ms.find() ? Long.parseLong(ms.group(1)) : 0);
                try (Jedis jedis = records.getResource()) {
                    jedis.decr("test:running");
                }
                record(records, "test:done", context.id());
            }
            case RATED -> {
                record(records, "test:rated", Long.toString(System.currentTimeMillis()));
                record(records, "test:done", context.id());
            }
            default -> throw new UnknownJobException(name);
        }
    }

    /** Writes down what a job did; keeps trying while Redis is away or loading (a test may restart it). */
    private static void record(JedisPool records, String list, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (Jedis jedis = records.getResource()) {
                jedis.rpush(list, value);
                return;
            } catch (JedisConnectionException | JedisDataException e) {
                // Away, or just restarted and still loading its AOF ("LOADING Redis is loading the dataset").
                boolean loading = e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("LOADING");
                if (!(e instanceof JedisConnectionException || loading) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
