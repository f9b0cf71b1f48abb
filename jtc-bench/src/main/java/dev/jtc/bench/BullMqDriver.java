package dev.jtc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the Node BullMQ driver ({@code bench/bullmq/driver.mjs}) against the same private Redis
 * with the same phases and settings, and reads its results, so that BullMQ's figures sit in the
 * same table with the same floor. The driver prints progress on stderr and one JSON object on the
 * last line of stdout: {@code {"results":[{"phase":"drain","jobs":..,"nanos":..,"cpu":{..},"latency":{..}},..]}}.
 */
final class BullMqDriver {

    private static final long TIME_LIMIT_SECONDS = 300;

    private BullMqDriver() {}

    static List<Measurement> run(Path script, int port, LoadOptions options) {
        List<String> command = List.of("node", script.toString(),
                "--port", Integer.toString(port),
                "--seconds", seconds(options.phase().toMillis()),
                "--warmup", seconds(options.warmup().toMillis()),
                "--producers", Integer.toString(options.producers()),
                "--batch", Integer.toString(options.batch()),
                "--drain-jobs", Integer.toString(options.drainJobs()),
                "--max-jobs", Integer.toString(options.maxJobs()),
                "--concurrency", Integer.toString(options.concurrency()),
                "--rates", options.rates().stream().map(String::valueOf).collect(Collectors.joining(",")));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the BullMQ driver did not finish within " + TIME_LIMIT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the BullMQ driver exited with code " + process.exitValue()
                        + " (see its message above; run 'npm ci' in jtc-bench/bench/bullmq if bullmq is missing)");
            }
            String[] lines = new String(output, StandardCharsets.UTF_8).strip().split("\n");
            try {
                return parse(lines[lines.length - 1]);
            } catch (IOException e) {
                throw new IllegalStateException("the BullMQ driver's last line is not JSON (" + e.getMessage() + "): "
                        + lines[lines.length - 1], e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the BullMQ driver (" + String.join(" ", command) + "): " + e.getMessage()
                    + " (is Node installed? apt-get install nodejs)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the BullMQ driver ran", e);
        }
    }

    /** Reads the driver's result line. */
    static List<Measurement> parse(String json) throws IOException {
        List<Measurement> results = new ArrayList<>();
        try (JsonParser in = new JsonFactory().createParser(json)) {
            expect(in.nextToken(), JsonToken.START_OBJECT, json);
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                in.nextToken();
                if (!field.equals("results")) {
                    in.skipChildren();
                    continue;
                }
                expect(in.currentToken(), JsonToken.START_ARRAY, json);
                while (in.nextToken() == JsonToken.START_OBJECT) {
                    results.add(readResult(in, json));
                }
            }
        }
        return results;
    }

    private static Measurement readResult(JsonParser in, String json) throws IOException {
        String phase = null;
        long jobs = 0;
        long nanos = 0;
        LatencySummary latency = null;
        CpuPerJob cpu = CpuPerJob.UNKNOWN;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "phase" -> phase = in.getText();
                case "jobs" -> jobs = in.getLongValue();
                case "nanos" -> nanos = in.getLongValue();
                case "cpu" -> cpu = readCpu(in);
                case "latency" -> latency = readLatency(in);
                default -> in.skipChildren();
            }
        }
        if (phase == null) {
            throw new IllegalStateException("the BullMQ driver reported a result without a phase: " + json);
        }
        Phase parsed = phase(phase);
        return latency == null ? Measurement.throughput(LoadOptions.BULLMQ, parsed, jobs, nanos, cpu)
                : Measurement.latency(LoadOptions.BULLMQ, parsed, jobs, nanos, cpu, latency);
    }

    private static CpuPerJob readCpu(JsonParser in) throws IOException {
        double redis = Double.NaN;
        double client = Double.NaN;
        List<CpuPerJob.CommandCost> commands = new ArrayList<>();
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "redisMicros" -> redis = in.getDoubleValue();
                case "clientMicros" -> client = in.getDoubleValue();
                case "redisCommands" -> {
                    while (in.nextToken() == JsonToken.START_OBJECT) {
                        commands.add(readCommand(in));
                    }
                }
                default -> in.skipChildren();
            }
        }
        return new CpuPerJob(redis, client, commands);
    }

    private static CpuPerJob.CommandCost readCommand(JsonParser in) throws IOException {
        String command = "";
        double calls = 0;
        double micros = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "command" -> command = in.getText();
                case "calls" -> calls = in.getDoubleValue();
                case "micros" -> micros = in.getDoubleValue();
                default -> in.skipChildren();
            }
        }
        return new CpuPerJob.CommandCost(command, calls, micros);
    }

    private static LatencySummary readLatency(JsonParser in) throws IOException {
        long count = 0;
        double p50 = 0;
        double p99 = 0;
        double p999 = 0;
        double max = 0;
        double lag = 0;
        double enqueue = 0;
        while (in.nextToken() == JsonToken.FIELD_NAME) {
            String field = in.currentName();
            in.nextToken();
            switch (field) {
                case "count" -> count = in.getLongValue();
                case "p50" -> p50 = in.getDoubleValue();
                case "p99" -> p99 = in.getDoubleValue();
                case "p999" -> p999 = in.getDoubleValue();
                case "max" -> max = in.getDoubleValue();
                case "lagP99" -> lag = in.getDoubleValue();
                case "enqueueP99" -> enqueue = in.getDoubleValue();
                default -> in.skipChildren();
            }
        }
        return new LatencySummary(count, p50, p99, p999, max, lag, enqueue);
    }

    /** {@code enqueue-single}, {@code enqueue-batch}, {@code drain} or {@code latency-<rate>}, as {@link Phase#key()} writes them. */
    static Phase phase(String key) {
        if (key.startsWith("latency-")) {
            return Phase.latency(Integer.parseInt(key.substring("latency-".length())));
        }
        for (Phase phase : List.of(Phase.ENQUEUE_SINGLE, Phase.ENQUEUE_BATCH, Phase.DRAIN)) {
            if (phase.key().equals(key)) {
                return phase;
            }
        }
        throw new IllegalStateException("the BullMQ driver reported an unknown phase '" + key + "'");
    }

    private static void expect(JsonToken actual, JsonToken expected, String json) {
        if (actual != expected) {
            throw new IllegalStateException("the BullMQ driver's result line is not what LoadDriver reads (expected " + expected
                    + ", found " + actual + "): " + json);
        }
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
