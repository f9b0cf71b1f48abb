package dev.jtc.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one run of the {@link LoadDriver} does: how long each phase lasts, how many producers and
 * consumers it uses, which steady rates the latency phases offer, and where the results go. Every
 * system gets the same settings, so its figures compare with the baseline's of the same run.
 *
 * @param phase how long each timed enqueue and latency phase runs
 * @param warmup how long each system warms up (JIT, connections) before its first measured phase
 * @param producers threads (or, for BullMQ, concurrent async loops) that enqueue
 * @param batch jobs per batch in the batch-enqueue phase ({@code dispatchAll}, one multi-value LPUSH)
 * @param drainJobs jobs queued up front and then drained in the drain phase
 * @param maxJobs the most jobs one enqueue phase sends, so that the in-memory broker stays within the heap
 * @param concurrency jobs one jtc worker runs at once (its thread pool), and BullMQ's worker concurrency
 * @param fetchBatch the most jobs one jtc fetch (and one baseline consumer round trip) takes
 * @param workers jtc workers (each with its own fetch loop and acknowledger) in the drain and latency phases
 * @param consumers consumer threads of the plain-Redis baseline, each with its own connection
 * @param rates the steady offered loads, in jobs per second, of the latency phases
 * @param systems which systems run, by name ({@link #ALL_SYSTEMS})
 * @param output the directory the JSON and CSV result files go to
 * @param bullmqDriver the Node script that measures BullMQ, if it is to run
 * @param repeat how many rounds of every system to run; the table shows each row's median round
 */
record LoadOptions(
        Duration phase,
        Duration warmup,
        int producers,
        int batch,
        int drainJobs,
        int maxJobs,
        int concurrency,
        int fetchBatch,
        int workers,
        int consumers,
        List<Integer> rates,
        Set<String> systems,
        Path output,
        Optional<Path> bullmqDriver,
        int repeat) {

    static final String FLOOR = "redis-floor";
    static final String JTC_REDIS = "jtc-redis";
    /** jtc on Redis with the throughput history and recent completions off: the baseline of their cost. */
    static final String JTC_REDIS_NO_HISTORY = "jtc-redis-no-history";
    /** jtc on Redis with the Micrometer meters of jtc-micrometer on the worker: their cost against jtc-redis. */
    static final String JTC_REDIS_METRICS = "jtc-redis-metrics";
    /** jtc on Redis with one pass-through middleware around each attempt: its cost against jtc-redis. */
    static final String JTC_REDIS_MIDDLEWARE = "jtc-redis-middleware";
    /** jtc on Redis with a rate limit the load stays under: the cost of the check. */
    static final String JTC_REDIS_RATE_LIMITED = "jtc-redis-rate-limited";
    /** jtc on Redis with a concurrency limit above the workers' concurrency: the cost of the lease. */
    static final String JTC_REDIS_CONCURRENCY_LIMITED = "jtc-redis-concurrency-limited";
    static final String JTC_MEMORY = "jtc-memory";
    static final String BULLMQ = "bullmq";
    static final List<String> ALL_SYSTEMS = List.of(FLOOR, JTC_REDIS, JTC_REDIS_NO_HISTORY, JTC_REDIS_METRICS,
            JTC_REDIS_MIDDLEWARE, JTC_REDIS_RATE_LIMITED, JTC_REDIS_CONCURRENCY_LIMITED, JTC_MEMORY, BULLMQ);
    /** What a run without {@code --systems} measures; the cost baselines run when asked for. */
    static final List<String> DEFAULT_SYSTEMS = List.of(FLOOR, JTC_REDIS, JTC_MEMORY, BULLMQ);

    static final String USAGE = """
            usage: LoadDriver [options]
              --seconds N        length of each timed phase (default 3)
              --warmup N         warm-up seconds per system before it is measured (default 1)
              --producers N      enqueueing threads (default 2)
              --batch N          jobs per batch enqueue (default 100)
              --drain-jobs N     jobs queued up front, then drained and timed (default 100000)
              --max-jobs N       cap on the jobs of one enqueue phase (default 1000000)
              --concurrency N    jobs a jtc worker (and BullMQ's worker) runs at once (default 32)
              --fetch-batch N    most jobs per fetch, jtc and baseline (default 32)
              --workers N        jtc workers in one process (default 1)
              --consumers N      consumer threads of the plain-Redis baseline (default 2)
              --rates R1,R2      steady offered loads of the latency phases, jobs/s (default 1000,5000)
              --systems a,b      of redis-floor,jtc-redis,jtc-redis-no-history,jtc-redis-metrics,
                                 jtc-redis-middleware,jtc-redis-rate-limited,jtc-redis-concurrency-limited,jtc-memory,bullmq
                                 (default: those but the cost baselines, where they can run)
              --out DIR          where the JSON and CSV results go (default target/bench-results)
              --bullmq FILE      the Node BullMQ driver to run as well (bench/bullmq/driver.mjs)
              --repeat N         rounds of all systems; the table shows each row's median round (default 1)
            """;

    LoadOptions {
        rates = List.copyOf(rates);
        systems = Set.copyOf(systems);
    }

    /** The defaults, as {@link #USAGE} lists them. */
    static LoadOptions defaults() {
        return new LoadOptions(Duration.ofSeconds(3), Duration.ofSeconds(1), 2, 100, 100_000, 1_000_000, 32, 32, 1, 2,
                List.of(1_000, 5_000), new LinkedHashSet<>(DEFAULT_SYSTEMS), Path.of("target", "bench-results"), Optional.empty(), 1);
    }

    boolean runs(String system) {
        return systems.contains(system);
    }

    /**
     * Reads {@code --name value} (or {@code --name=value}) pairs over the defaults.
     *
     * @throws IllegalArgumentException with one line that names the bad option and what to write
     */
    static LoadOptions parse(String[] args) {
        Builder b = new Builder(defaults());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': options are --name value (--help lists them)");
            }
            b.set(name, value);
        }
        return b.build();
    }

    /** Collects the options one at a time; each setter checks its value. */
    private static final class Builder {
        private Duration phase;
        private Duration warmup;
        private int producers;
        private int batch;
        private int drainJobs;
        private int maxJobs;
        private int concurrency;
        private int fetchBatch;
        private int workers;
        private int consumers;
        private List<Integer> rates;
        private Set<String> systems;
        private Path output;
        private Optional<Path> bullmqDriver;
        private int repeat;

        Builder(LoadOptions d) {
            phase = d.phase();
            warmup = d.warmup();
            producers = d.producers();
            batch = d.batch();
            drainJobs = d.drainJobs();
            maxJobs = d.maxJobs();
            concurrency = d.concurrency();
            fetchBatch = d.fetchBatch();
            workers = d.workers();
            consumers = d.consumers();
            rates = d.rates();
            systems = d.systems();
            output = d.output();
            bullmqDriver = d.bullmqDriver();
            repeat = d.repeat();
        }

        void set(String name, String value) {
            switch (name) {
                case "seconds" -> phase = Duration.ofMillis(Math.round(1000 * positiveDecimal(name, value)));
                case "warmup" -> warmup = Duration.ofMillis(Math.round(1000 * positiveDecimal(name, value)));
                case "producers" -> producers = positive(name, value);
                case "batch" -> batch = positive(name, value);
                case "drain-jobs" -> drainJobs = positive(name, value);
                case "max-jobs" -> maxJobs = positive(name, value);
                case "concurrency" -> concurrency = positive(name, value);
                case "fetch-batch" -> fetchBatch = positive(name, value);
                case "workers" -> workers = positive(name, value);
                case "consumers" -> consumers = positive(name, value);
                case "rates" -> rates = rates(value);
                case "systems" -> systems = systems(value);
                case "out" -> output = Path.of(value);
                case "bullmq" -> bullmqDriver = Optional.of(Path.of(value));
                case "repeat" -> repeat = positive(name, value);
                default -> throw new IllegalArgumentException("unknown option --" + name + " (--help lists the options)");
            }
        }

        LoadOptions build() {
            return new LoadOptions(phase, warmup, producers, batch, drainJobs, maxJobs, concurrency, fetchBatch, workers,
                    consumers, rates, systems, output, bullmqDriver, repeat);
        }

        private static int positive(String name, String value) {
            try {
                int number = Integer.parseInt(value.replace("_", ""));
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the hint
            }
            throw new IllegalArgumentException("--" + name + " needs a whole number above 0, got '" + value + "'");
        }

        private static double positiveDecimal(String name, String value) {
            try {
                double number = Double.parseDouble(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below, with the hint
            }
            throw new IllegalArgumentException("--" + name + " needs a number of seconds above 0, got '" + value + "'");
        }

        private static List<Integer> rates(String value) {
            List<Integer> result = new ArrayList<>();
            for (String part : value.split(",")) {
                result.add(positive("rates", part.trim()));
            }
            return result;
        }

        private static Set<String> systems(String value) {
            Set<String> result = new LinkedHashSet<>();
            for (String part : value.split(",")) {
                String system = part.trim();
                if (!ALL_SYSTEMS.contains(system)) {
                    throw new IllegalArgumentException("unknown system '" + system + "' in --systems: choose from "
                            + String.join(",", ALL_SYSTEMS));
                }
                result.add(system);
            }
            return result;
        }
    }
}
