package dev.jtc.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one run's measurements as {@code load-<stamp>.json} (with the machine and the options,
 * for a later comparison) and {@code load-<stamp>.csv} (for a spreadsheet), next to each other.
 */
final class ResultFiles {

    private static final String CSV_HEADER = "system,phase,jobs,seconds,jobs_per_second,ratio_to_floor,"
            + "p50_us,p99_us,p999_us,max_us,p99_ratio_to_floor,enqueue_p99_us,lag_p99_us,redis_cpu_us_per_job,client_cpu_us_per_job";

    private ResultFiles() {}

    /** Writes both files and returns the JSON file's path. */
    static Path write(Path directory, String stamp, Map<String, String> run, LoadOptions options, List<Measurement> measurements,
            List<List<Measurement>> rounds) {
        try {
            Files.createDirectories(directory);
            Path json = directory.resolve("load-" + stamp + ".json");
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                writeJson(out, run, options, measurements, rounds);
            }
            Files.writeString(directory.resolve("load-" + stamp + ".csv"), csv(measurements), StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory + ": " + e.getMessage()
                    + " (choose another directory with --out)", e);
        }
    }

    static String csv(List<Measurement> measurements) {
        StringBuilder text = new StringBuilder(CSV_HEADER).append('\n');
        for (Measurement m : measurements) {
            Optional<LatencySummary> l = m.latency();
            text.append(String.join(",", m.system(), m.phase().key(), Long.toString(m.jobs()), number(m.seconds()),
                    number(m.jobsPerSecond()), ResultTable.throughputRatio(m, measurements).map(ResultFiles::number).orElse(""),
                    l.map(s -> number(s.p50())).orElse(""), l.map(s -> number(s.p99())).orElse(""),
                    l.map(s -> number(s.p999())).orElse(""), l.map(s -> number(s.max())).orElse(""),
                    ResultTable.p99Ratio(m, measurements).map(ResultFiles::number).orElse(""),
                    l.map(s -> number(s.enqueueP99())).orElse(""), l.map(s -> number(s.lagP99())).orElse(""),
                    number(m.cpu().redisMicros()),
                    number(m.cpu().clientMicros()))).append('\n');
        }
        return text.toString();
    }

    private static void writeJson(Writer out, Map<String, String> run, LoadOptions options, List<Measurement> measurements,
            List<List<Measurement>> rounds) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("run");
            for (Map.Entry<String, String> entry : run.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("options");
            json.writeNumberField("phaseSeconds", options.phase().toMillis() / 1000.0);
            json.writeNumberField("warmupSeconds", options.warmup().toMillis() / 1000.0);
            json.writeNumberField("producers", options.producers());
            json.writeNumberField("batch", options.batch());
            json.writeNumberField("drainJobs", options.drainJobs());
            json.writeNumberField("maxJobs", options.maxJobs());
            json.writeNumberField("concurrency", options.concurrency());
            json.writeNumberField("fetchBatch", options.fetchBatch());
            json.writeNumberField("workers", options.workers());
            json.writeNumberField("consumers", options.consumers());
            json.writeNumberField("repeat", options.repeat());
            json.writeArrayFieldStart("rates");
            for (int rate : options.rates()) {
                json.writeNumber(rate);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            writeMeasurements(json, measurements);
            json.writeEndArray();
            if (rounds.size() > 1) {
                json.writeArrayFieldStart("rounds");
                for (List<Measurement> round : rounds) {
                    json.writeStartArray();
                    writeMeasurements(json, round);
                    json.writeEndArray();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
    }

    /** Each measurement as an object; ratios are against the floor within the same list. */
    private static void writeMeasurements(JsonGenerator json, List<Measurement> measurements) throws IOException {
        for (Measurement m : measurements) {
            json.writeStartObject();
            json.writeStringField("system", m.system());
            json.writeStringField("phase", m.phase().key());
            json.writeNumberField("jobs", m.jobs());
            json.writeNumberField("seconds", m.seconds());
            json.writeNumberField("jobsPerSecond", m.jobsPerSecond());
            if (!Double.isNaN(m.cpu().redisMicros())) {
                json.writeObjectFieldStart("cpuMicrosPerJob");
                json.writeNumberField("redis", m.cpu().redisMicros());
                json.writeNumberField("client", m.cpu().clientMicros());
                json.writeEndObject();
                json.writeArrayFieldStart("redisCommandsPerJob");
                for (CpuPerJob.CommandCost command : m.cpu().redisCommands()) {
                    json.writeStartObject();
                    json.writeStringField("command", command.command());
                    json.writeNumberField("calls", command.callsPerJob());
                    json.writeNumberField("micros", command.micros());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            Optional<Double> ratio = ResultTable.throughputRatio(m, measurements);
            if (ratio.isPresent() && m.latency().isEmpty()) {
                json.writeNumberField("ratioToFloor", ratio.get());
            }
            if (m.latency().isPresent()) {
                LatencySummary l = m.latency().get();
                json.writeObjectFieldStart("latencyMicros");
                json.writeNumberField("count", l.count());
                json.writeNumberField("p50", l.p50());
                json.writeNumberField("p99", l.p99());
                json.writeNumberField("p999", l.p999());
                json.writeNumberField("max", l.max());
                json.writeNumberField("producerLagP99", l.lagP99());
                json.writeNumberField("enqueueCallP99", l.enqueueP99());
                json.writeEndObject();
                Optional<Double> p99Ratio = ResultTable.p99Ratio(m, measurements);
                if (p99Ratio.isPresent()) {
                    json.writeNumberField("p99RatioToFloor", p99Ratio.get());
                }
            }
            json.writeEndObject();
        }
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
