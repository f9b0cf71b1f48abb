package dev.jtc.bench;

import dev.jtc.runtime.redis.RedisBrokerOptions;
import dev.jtc.runtime.testing.RedisServerProcess;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * Measures jtc end to end against its floor, in one run on one machine: starts a private
 * {@code redis-server} on a free loopback port, then puts each system (the plain-Redis
 * {@link RedisFloor}, jtc over Redis, jtc over the in-memory broker, and BullMQ if its Node
 * driver is given) through the same phases: single and batch enqueue, drain, and enqueue-to-start
 * latency at steady offered loads. Prints a table with absolute figures and ratios to the floor,
 * and writes the same as JSON and CSV. It measures; it asserts nothing.
 *
 * <p>Everything (Redis, producers, consumers) shares this machine's cores, so the figures are a
 * lower bound for a setup where Redis has cores of its own.
 */
public final class LoadDriver {

    private static final int WARMUP_DRAIN_JOBS = 20_000;

    private LoadDriver() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadDriver: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"); // the workers' start/stop lines would drown the progress
        }
        try {
            run(options);
        } catch (RuntimeException e) {
            System.err.println("LoadDriver: " + e.getMessage()
                    + " (the run was aborted; nothing was written. Re-run with fewer --systems to narrow it down)");
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(LoadOptions options) {
        long runStart = System.nanoTime();
        Instant startedAt = Instant.now();
        List<List<Measurement>> rounds = new ArrayList<>();
        Map<String, String> run = new LinkedHashMap<>();
        try (RedisServerProcess redis = RedisServerProcess.start()) {
            run.put("startedAt", startedAt.toString());
            run.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
            run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
            run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
            run.put("redis", redisVersion(redis.port()));
            run.put("note", "redis-server, producers and consumers share the machine's cores; loopback only");
            run.put("loadAverageBefore", loadAverage());
            progress("redis-server %s on port %d; %s cores shared by Redis, producers and consumers", run.get("redis"),
                    redis.port(), run.get("cores"));
            for (int round = 1; round <= options.repeat(); round++) {
                if (options.repeat() > 1) {
                    progress("round %d of %d", round, options.repeat());
                }
                rounds.add(round(options, redis.port()));
            }
        }
        run.put("loadAverageAfter", loadAverage());
        run.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - runStart) / 1e9));
        System.out.println();
        System.out.println("jtc load driver, " + run.get("startedAt") + ", " + run.get("cores") + " cores (shared by redis-server,"
                + " producers and consumers), redis " + run.get("redis") + ", " + run.get("java"));
        System.out.println("load average (1, 5, 15 min) before " + run.get("loadAverageBefore") + ", after " + run.get("loadAverageAfter")
                + (busyBefore(run) ? "  <- the machine was busy with other work: figures are noisy, re-run when it is idle" : ""));
        System.out.println("workers " + options.workers() + " × concurrency " + options.concurrency() + ", fetch batch "
                + options.fetchBatch() + ", producers " + options.producers() + ", enqueue batch " + options.batch()
                + ", baseline consumers " + options.consumers() + ", phases " + options.phase().toMillis() / 1000.0 + " s");
        if (options.repeat() > 1) {
            System.out.println(options.repeat() + " rounds: each row is that system's median round for the phase (by jobs/s, or by"
                    + " p99 for latency); the last column is the range over the rounds");
        }
        System.out.println();
        List<Measurement> results = Rounds.medians(rounds);
        System.out.print(ResultTable.render(results, rounds));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(startedAt);
        Path json = ResultFiles.write(options.output(), stamp, run, options, results, rounds);
        System.out.println();
        System.out.println("results: " + json + " (and .csv); whole run " + run.get("seconds") + " s");
    }

    /** Every chosen system, one after the other, each through every phase. */
    private static List<Measurement> round(LoadOptions options, int port) {
        List<Measurement> results = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        try (CpuMeter cpu = new CpuMeter(port)) {
            if (options.runs(LoadOptions.FLOOR)) {
                results.addAll(measure(new RedisFloor(port, options, cpu), options));
            }
            if (options.runs(LoadOptions.JTC_REDIS)) {
                results.addAll(measure(new JtcSystem(LoadOptions.JTC_REDIS, BrokerSource.redis(port, clock), options, cpu), options));
            }
            if (options.runs(LoadOptions.JTC_REDIS_NO_HISTORY)) {
                BrokerSource withoutHistory = BrokerSource.redis(port, clock, RedisBrokerOptions.defaults().withHistory(false));
                results.addAll(measure(new JtcSystem(LoadOptions.JTC_REDIS_NO_HISTORY, withoutHistory, options, cpu), options));
            }
            if (options.runs(LoadOptions.JTC_REDIS_METRICS)) {
                results.addAll(measure(new JtcSystem(LoadOptions.JTC_REDIS_METRICS, BrokerSource.redis(port, clock), options, cpu,
                        JtcVariant.METRICS), options));
            }
            for (Map.Entry<String, JtcVariant> workflow : List.of(Map.entry(LoadOptions.JTC_REDIS_MIDDLEWARE, JtcVariant.MIDDLEWARE),
                    Map.entry(LoadOptions.JTC_REDIS_RATE_LIMITED, JtcVariant.RATE_LIMITED),
                    Map.entry(LoadOptions.JTC_REDIS_CONCURRENCY_LIMITED, JtcVariant.CONCURRENCY_LIMITED))) {
                if (options.runs(workflow.getKey())) {
                    results.addAll(measure(new JtcSystem(workflow.getKey(), BrokerSource.redis(port, clock), options, cpu,
                            workflow.getValue()), options));
                }
            }
            if (options.runs(LoadOptions.JTC_MEMORY)) {
                results.addAll(measure(new JtcSystem(LoadOptions.JTC_MEMORY, BrokerSource.inMemory(clock), options, cpu), options));
            }
        }
        if (options.runs(LoadOptions.BULLMQ)) {
            if (options.bullmqDriver().isPresent()) {
                progress("bullmq: running %s (Node) against the same redis-server", options.bullmqDriver().get());
                results.addAll(BullMqDriver.run(options.bullmqDriver().get(), port, options));
                flush(port);
            } else {
                progress("bullmq: skipped (no --bullmq driver given; bench/run passes it when npm could install bullmq)");
            }
        }
        return results;
    }

    /**
     * Warms the system up, then runs every phase once and reports each as it finishes. The latency
     * phases get a warm-up of their own right before them (unmeasured, at the first rate): straight
     * after a drain of many jobs the first seconds of light load show the heap, the JIT and Redis
     * still settling, which is not what a steady load looks like.
     */
    private static List<Measurement> measure(QueueSystem system, LoadOptions options) {
        List<Measurement> results = new ArrayList<>();
        try (system) {
            progress("%s: warming up", system.name());
            system.enqueueSingle(options.warmup());
            system.enqueueBatch(options.warmup());
            system.drain(Math.min(WARMUP_DRAIN_JOBS, options.drainJobs()));
            results.add(report(system.enqueueSingle(options.phase())));
            results.add(report(system.enqueueBatch(options.phase())));
            results.add(report(system.drain(options.drainJobs())));
            system.latency(options.rates().get(0), options.warmup());
            for (int rate : options.rates()) {
                results.add(report(system.latency(rate, options.phase())));
            }
        }
        return results;
    }

    private static Measurement report(Measurement m) {
        if (m.latency().isPresent()) {
            LatencySummary l = m.latency().get();
            progress("%s: %s: %,d jobs, p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms (enqueue call p99 %.3f ms, producer lag p99 %.3f ms);"
                    + " CPU/job: redis %.1f µs, client %.1f µs", m.system(), m.phase().label(), m.jobs(), l.p50() / 1000, l.p99() / 1000,
                    l.p999() / 1000, l.enqueueP99() / 1000, l.lagP99() / 1000, m.cpu().redisMicros(), m.cpu().clientMicros());
        } else {
            progress("%s: %s: %,d jobs in %.2f s = %,.0f jobs/s; CPU/job: redis %.1f µs, client %.1f µs", m.system(),
                    m.phase().label(), m.jobs(), m.seconds(), m.jobsPerSecond(), m.cpu().redisMicros(), m.cpu().clientMicros());
        }
        if (!m.cpu().redisCommands().isEmpty()) {
            StringBuilder top = new StringBuilder();
            for (CpuPerJob.CommandCost c : m.cpu().redisCommands()) {
                top.append(top.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f×/%.1f µs", c.command(),
                        c.callsPerJob(), c.micros()));
            }
            progress("%s: %s: Redis time per job by command (calls/time): %s", m.system(), m.phase().label(), top);
        }
        return m;
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown" off Linux. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Whether something else kept the cores busy in the minute before the run. */
    private static boolean busyBefore(Map<String, String> run) {
        try {
            return Double.parseDouble(run.get("loadAverageBefore").split(" ")[0]) > 1.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String redisVersion(int port) {
        try (Jedis jedis = RedisFloor.connect(port)) {
            for (String line : jedis.info("server").split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    return line.substring("redis_version:".length()).trim();
                }
            }
            return "unknown";
        }
    }

    private static void flush(int port) {
        try (Jedis jedis = RedisFloor.connect(port)) {
            jedis.flushAll();
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
