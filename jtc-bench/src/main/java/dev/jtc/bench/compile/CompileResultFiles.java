package dev.jtc.bench.compile;

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

/**
 * Writes a compile benchmark run as {@code compile-<stamp>.json} (the machine, the options, every
 * compilation's time and the compile-and-run project) and {@code compile-<stamp>.csv} (one row per
 * size and mode), next to the load driver's files; and renders the table it prints.
 */
final class CompileResultFiles {

    private static final String CSV_HEADER = "jobs,tasks,mode,median_s,min_s,max_s,ratio_to_javac,share_s,jtc_processors_s,"
            + "dagger_processor_s,class_files,peak_heap_mb";

    private CompileResultFiles() {}

    /** Writes both files and returns the JSON file's path. */
    static Path write(Path directory, String stamp, Map<String, String> run, CompileOptions options, List<SizeFigures> sizes,
            LimitFigures limit) {
        try {
            Files.createDirectories(directory);
            Path json = directory.resolve("compile-" + stamp + ".json");
            try (Writer out = Files.newBufferedWriter(json, StandardCharsets.UTF_8)) {
                writeJson(out, run, options, sizes, limit);
            }
            Files.writeString(directory.resolve("compile-" + stamp + ".csv"), csv(sizes), StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the results to " + directory + ": " + e.getMessage()
                    + " (choose another directory with --out)", e);
        }
    }

    static String csv(List<SizeFigures> sizes) {
        StringBuilder text = new StringBuilder(CSV_HEADER).append('\n');
        for (SizeFigures size : sizes) {
            for (CompileMode mode : CompileMode.values()) {
                double share = switch (mode) {
                    case JTC_DAGGER -> size.jtcShare();
                    case DAGGER -> size.daggerShare();
                    case JAVAC -> size.median(CompileMode.JAVAC);
                };
                text.append(String.join(",", Integer.toString(size.jobs()), Integer.toString(size.tasks()), mode.key(),
                        number(size.median(mode)), number(size.min(mode)), number(size.max(mode)), number(size.ratioToJavac(mode)),
                        number(share), number(size.jtcProcessors(mode)), number(size.daggerProcessor(mode)),
                        Integer.toString(size.classFiles().getOrDefault(mode, 0)),
                        Long.toString(size.peakHeapMb().getOrDefault(mode, 0L)))).append('\n');
            }
        }
        return text.toString();
    }

    /** The printed summary: one row per size, then the compile-and-run project. */
    static String table(List<SizeFigures> sizes, LimitFigures limit) {
        StringBuilder text = new StringBuilder();
        if (!sizes.isEmpty()) {
            int repeat = sizes.get(0).seconds().getOrDefault(CompileMode.JAVAC, List.of()).size();
            text.append("compile time, median of ").append(repeat).append(" (fresh JVM each); × javac = the mode's time over -proc:none's;\n")
                    .append("jtc's share = jtc+dagger − dagger, Dagger's share = dagger − javac\n\n");
            text.append(String.format(Locale.ROOT, "%7s %6s | %8s %8s %9s | %7s %8s | %8s %7s %7s | %9s %9s %9s%n", "jobs", "tasks",
                    "javac s", "dagger s", "jtc+dag s", "dagger×", "jtc+dag×", "Dagger's", "jtc's", "jtc÷Dag", "in Dagger",
                    "in jtc", "in Dagger"));
            text.append(String.format(Locale.ROOT, "%7s %6s | %8s %8s %9s | %7s %8s | %8s %7s %7s | %9s %19s%n", "", "", "", "", "",
                    "", "", "share s", "share s", "", "(dagger)", "(jtc+dagger) s"));
            for (SizeFigures size : sizes) {
                text.append(String.format(Locale.ROOT, "%,7d %,6d | %8.2f %8.2f %9.2f | %7.2f %8.2f | %8.2f %7.2f %7.2f | %9.2f %9.2f %9.2f%n",
                        size.jobs(), size.tasks(), size.median(CompileMode.JAVAC), size.median(CompileMode.DAGGER),
                        size.median(CompileMode.JTC_DAGGER), size.ratioToJavac(CompileMode.DAGGER),
                        size.ratioToJavac(CompileMode.JTC_DAGGER), size.daggerShare(), size.jtcShare(), size.jtcShareToDaggerShare(),
                        size.daggerProcessor(CompileMode.DAGGER), size.jtcProcessors(CompileMode.JTC_DAGGER),
                        size.daggerProcessor(CompileMode.JTC_DAGGER)));
            }
            text.append("(in ... = time inside the processors' own init and process; the rest of a mode's time is javac's)\n");
            SizeFigures largest = sizes.get(sizes.size() - 1);
            text.append("\nat ").append(String.format(Locale.ROOT, "%,d", largest.jobs())).append(" jobs: largest method jtc generated ")
                    .append(largest.largestJtcMethod()).append("; Dagger's ").append(largest.largestDaggerMethod()).append('\n');
            text.append("constant pools: ").append(largest.constantPools()).append('\n');
        }
        if (limit != null) {
            text.append(String.format(Locale.ROOT, "%n%,d jobs + %,d tasks, jtc+dagger, -Xmx%s: ", limit.jobs(), limit.tasks(), limit.heap()));
            if (!limit.compile().succeeded()) {
                text.append("FAILED to compile (status ").append(limit.compile().status()).append(")\n");
                limit.errors().forEach(line -> text.append("  ").append(line).append('\n'));
                return text.toString();
            }
            text.append(String.format(Locale.ROOT, "compiled in %.1f s (GC %.1f s, peak heap %d MB), %,d class files, %,d of them jtc's%n",
                    limit.compile().millis() / 1000, limit.compile().gcMillis() / 1000.0, limit.compile().peakHeapMb(),
                    limit.compile().classFiles(), limit.jtcClasses()));
            text.append("  methods jtc generated at or over 8,000 bytes: ").append(limit.methodsOverLimit().isEmpty() ? "none"
                    : limit.methodsOverLimit().toString()).append('\n');
            text.append("  largest method jtc generated: ").append(limit.largestJtcMethod()).append('\n');
            text.append("  largest method Dagger generated: ").append(limit.largestDaggerMethod()).append('\n');
            text.append("  constant pools (limit 65,535): ").append(limit.constantPools()).append('\n');
            text.append("  largest constant pool of a class jtc generated: ").append(limit.largestJtcConstantPool()).append('\n');
            ApplicationRun run = limit.run();
            text.append(String.format(Locale.ROOT, "  BigAppWorker.definition(): %,d job types, %,d tasks; ran %d entries: %s%n",
                    run.jobTypes(), run.tasks(), run.ran().size(), String.join(", ", run.ran())));
            text.append("  ").append(limit.passed() ? "PASSED" : "FAILED: " + run.problems()).append('\n');
        }
        return text.toString();
    }

    private static void writeJson(Writer out, Map<String, String> run, CompileOptions options, List<SizeFigures> sizes,
            LimitFigures limit) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeObjectFieldStart("run");
            for (Map.Entry<String, String> entry : run.entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("options");
            json.writeArrayFieldStart("sizes");
            for (int size : options.sizes()) {
                json.writeNumber(size);
            }
            json.writeEndArray();
            json.writeNumberField("repeat", options.repeat());
            json.writeNumberField("limit", options.limit());
            json.writeStringField("heap", options.heap());
            json.writeStringField("limitHeap", options.limitHeap());
            json.writeStringField("payloads", options.distinctPayloads() ? "distinct" : "shared");
            json.writeEndObject();
            json.writeArrayFieldStart("sizes");
            for (SizeFigures size : sizes) {
                writeSize(json, size);
            }
            json.writeEndArray();
            if (limit != null) {
                writeLimit(json, limit);
            }
            json.writeEndObject();
        }
    }

    private static void writeSize(JsonGenerator json, SizeFigures size) throws IOException {
        json.writeStartObject();
        json.writeNumberField("jobs", size.jobs());
        json.writeNumberField("tasks", size.tasks());
        json.writeObjectFieldStart("modes");
        for (CompileMode mode : CompileMode.values()) {
            json.writeObjectFieldStart(mode.key());
            json.writeArrayFieldStart("seconds");
            for (double seconds : size.seconds().getOrDefault(mode, List.of())) {
                json.writeNumber(seconds);
            }
            json.writeEndArray();
            json.writeNumberField("medianSeconds", size.median(mode));
            json.writeNumberField("medianJtcProcessorsSeconds", size.jtcProcessors(mode));
            json.writeNumberField("medianDaggerProcessorSeconds", size.daggerProcessor(mode));
            json.writeNumberField("ratioToJavac", size.ratioToJavac(mode));
            json.writeNumberField("classFiles", size.classFiles().getOrDefault(mode, 0));
            json.writeNumberField("peakHeapMb", size.peakHeapMb().getOrDefault(mode, 0L));
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberField("daggerShareSeconds", size.daggerShare());
        json.writeNumberField("jtcShareSeconds", size.jtcShare());
        json.writeNumberField("jtcShareToDaggerShare", size.jtcShareToDaggerShare());
        writePools(json, size.constantPools());
        json.writeStringField("largestJtcMethod", size.largestJtcMethod());
        json.writeStringField("largestDaggerMethod", size.largestDaggerMethod());
        json.writeEndObject();
    }

    private static void writeLimit(JsonGenerator json, LimitFigures limit) throws IOException {
        json.writeObjectFieldStart("limit");
        json.writeNumberField("jobs", limit.jobs());
        json.writeNumberField("tasks", limit.tasks());
        json.writeStringField("heap", limit.heap());
        json.writeBooleanField("compiled", limit.compile().succeeded());
        json.writeBooleanField("passed", limit.passed());
        json.writeNumberField("seconds", limit.compile().millis() / 1000);
        json.writeNumberField("jtcProcessorsSeconds", limit.compile().jtcProcessorMillis() / 1000);
        json.writeNumberField("daggerProcessorSeconds", limit.compile().daggerProcessorMillis() / 1000);
        json.writeNumberField("gcSeconds", limit.compile().gcMillis() / 1000.0);
        json.writeNumberField("peakHeapMb", limit.compile().peakHeapMb());
        json.writeNumberField("classFiles", limit.compile().classFiles());
        json.writeNumberField("jtcClassFiles", limit.jtcClasses());
        strings(json, "errors", limit.errors());
        strings(json, "jtcMethodsAtOrOver8000Bytes", limit.methodsOverLimit());
        json.writeStringField("largestJtcMethod", limit.largestJtcMethod());
        json.writeStringField("largestDaggerMethod", limit.largestDaggerMethod());
        writePools(json, limit.constantPools());
        json.writeStringField("largestJtcConstantPool", limit.largestJtcConstantPool());
        if (limit.run() != null) {
            json.writeObjectFieldStart("run");
            json.writeNumberField("jobTypes", limit.run().jobTypes());
            json.writeNumberField("tasks", limit.run().tasks());
            strings(json, "ran", limit.run().ran());
            strings(json, "problems", limit.run().problems());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writePools(JsonGenerator json, Map<String, Integer> pools) throws IOException {
        json.writeObjectFieldStart("constantPools");
        for (Map.Entry<String, Integer> pool : pools.entrySet()) {
            json.writeNumberField(pool.getKey(), pool.getValue());
        }
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
    }
}
