package dev.jtc.bench.compile;

import dev.jtc.processor.large.ClassFileSizes.MethodSize;
import dev.jtc.processor.large.GeneratedProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures what jtc costs at compile time (issue 6, "Measure"): generated projects of 250 to
 * 2,000 jobs (and 20% as many tasks), each compiled three ways in a fresh JVM per compilation:
 * jtc with Dagger, Dagger alone over a hand-written component of the same shape, and plain javac
 * ({@code -proc:none}). Prints each mode's median time, its ratio to javac and jtc's own share
 * against Dagger's, and writes them as {@code compile-<stamp>.json} and {@code .csv}.
 *
 * <p>Then it compiles a project of 5,000 jobs and 1,000 tasks once with jtc and Dagger, checks
 * that no method jtc generated reaches HotSpot's 8,000-byte limit, records the constant-pool
 * counts of the generated aggregates, and runs jobs from all over it through the generated
 * worker. It measures and reports; its exit status is 1 only if that project fails.
 */
public final class CompileBenchmark {

    private static final String APP = GeneratedProject.PACKAGE + "." + GeneratedProject.APPLICATION;

    private CompileBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(CompileOptions.USAGE);
            return;
        }
        CompileOptions options;
        try {
            options = CompileOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("CompileBenchmark: " + e.getMessage());
            System.exit(2);
            return;
        }
        Instant startedAt = Instant.now();
        Map<String, String> run = new LinkedHashMap<>();
        run.put("startedAt", startedAt.toString());
        run.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        run.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        run.put("javacOptions", "--release 17 -g -Xlint:all,-processing; a fresh JVM (-Xmx" + options.heap() + ") per compilation");
        run.put("payloads", options.distinctPayloads() ? "distinct: every job its own payload record" : "shared: five shapes");
        run.put("loadAverageBefore", loadAverage());
        long runStart = System.nanoTime();

        List<SizeFigures> sizes = new ArrayList<>();
        if (!options.sizes().isEmpty()) {
            sizes = timeSizes(options);
        }
        LimitFigures limit = options.limit() > 0 ? limit(options) : null;
        run.put("loadAverageAfter", loadAverage());
        run.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - runStart) / 1e9));

        System.out.println();
        System.out.println("jtc compile benchmark, " + run.get("startedAt") + ", " + run.get("cores") + " cores, " + run.get("java"));
        System.out.println("load average (1, 5, 15 min) before " + run.get("loadAverageBefore") + ", after " + run.get("loadAverageAfter"));
        System.out.println();
        System.out.print(CompileResultFiles.table(sizes, limit));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(startedAt);
        Path json = CompileResultFiles.write(options.output(), stamp, run, options, sizes, limit);
        System.out.println();
        System.out.println("results: " + json + " (and .csv); whole run " + run.get("seconds") + " s");
        if (limit != null && !limit.passed()) {
            System.exit(1);
        }
    }

    /** Every size, every mode, {@code repeat} times; the modes take turns so that a busy minute spreads over all of them. */
    private static List<SizeFigures> timeSizes(CompileOptions options) {
        ProjectCompiler compiler = new ProjectCompiler(options.classpath(), options.processorPath(), options.heap());
        List<SizeFigures> figures = new ArrayList<>();
        for (int jobs : options.sizes()) {
            GeneratedProject project = new GeneratedProject(jobs, CompileOptions.tasksFor(jobs), options.distinctPayloads());
            Path directory = options.work().resolve("jobs-" + jobs);
            ProjectCompiler.write(project, directory);
            Map<CompileMode, List<Double>> seconds = new EnumMap<>(CompileMode.class);
            Map<CompileMode, List<Double>> jtcProcessors = new EnumMap<>(CompileMode.class);
            Map<CompileMode, List<Double>> daggerProcessor = new EnumMap<>(CompileMode.class);
            Map<CompileMode, Integer> classFiles = new EnumMap<>(CompileMode.class);
            Map<CompileMode, Long> peakHeap = new EnumMap<>(CompileMode.class);
            for (int round = 1; round <= options.repeat(); round++) {
                for (CompileMode mode : CompileMode.values()) {
                    ProjectCompiler.Outcome outcome = compiler.compile(directory, mode);
                    if (!outcome.succeeded()) {
                        throw new IllegalStateException(jobs + " jobs, " + mode.key() + ": javac failed (status " + outcome.status()
                                + ", see " + outcome.output().resolve("javac.log") + "):\n" + String.join("\n", outcome.errors()));
                    }
                    seconds.computeIfAbsent(mode, m -> new ArrayList<>()).add(outcome.millis() / 1000);
                    jtcProcessors.computeIfAbsent(mode, m -> new ArrayList<>()).add(outcome.jtcProcessorMillis() / 1000);
                    daggerProcessor.computeIfAbsent(mode, m -> new ArrayList<>()).add(outcome.daggerProcessorMillis() / 1000);
                    classFiles.put(mode, outcome.classFiles());
                    peakHeap.merge(mode, outcome.peakHeapMb(), Math::max);
                    progress("%,d jobs + %,d tasks, %s, round %d of %d: %.2f s (in jtc's processors %.2f s, in Dagger's %.2f s;"
                            + " GC %.2f s, peak heap %d MB), %,d class files", project.jobs(), project.tasks(), mode.key(), round,
                            options.repeat(), outcome.millis() / 1000, outcome.jtcProcessorMillis() / 1000,
                            outcome.daggerProcessorMillis() / 1000, outcome.gcMillis() / 1000.0, outcome.peakHeapMb(),
                            outcome.classFiles());
                }
            }
            ClassOutput output = ClassOutput.read(directory.resolve("out-jtc-dagger"));
            figures.add(new SizeFigures(project.jobs(), project.tasks(), seconds, jtcProcessors, daggerProcessor, classFiles, peakHeap, constantPools(output),
                    output.largestJtcMethod().map(MethodSize::toString).orElse(""),
                    output.largestDaggerMethod().map(MethodSize::toString).orElse("")));
        }
        return figures;
    }

    private static LimitFigures limit(CompileOptions options) {
        GeneratedProject project = new GeneratedProject(options.limit(), CompileOptions.tasksFor(options.limit()),
                options.distinctPayloads());
        Path directory = options.work().resolve("limit-" + options.limit());
        progress("%,d jobs + %,d tasks: writing the project", project.jobs(), project.tasks());
        ProjectCompiler.write(project, directory);
        progress("%,d jobs + %,d tasks: compiling with jtc and Dagger (-Xmx%s)", project.jobs(), project.tasks(), options.limitHeap());
        ProjectCompiler.Outcome outcome = new ProjectCompiler(options.classpath(), options.processorPath(), options.limitHeap())
                .compile(directory, CompileMode.JTC_DAGGER);
        if (!outcome.succeeded()) {
            progress("%,d jobs + %,d tasks: javac failed (status %d):%n%s", project.jobs(), project.tasks(), outcome.status(),
                    String.join("\n", outcome.errors()));
            return new LimitFigures(project.jobs(), project.tasks(), options.limitHeap(), outcome, outcome.errors(), 0, List.of(), "",
                    "", Map.of(), "", null);
        }
        progress("%,d jobs + %,d tasks: compiled in %.1f s (in jtc's processors %.1f s, in Dagger's %.1f s; GC %.1f s, peak heap"
                + " %d MB), %,d class files; checking and running", project.jobs(), project.tasks(), outcome.millis() / 1000,
                outcome.jtcProcessorMillis() / 1000, outcome.daggerProcessorMillis() / 1000, outcome.gcMillis() / 1000.0,
                outcome.peakHeapMb(), outcome.classFiles());
        ClassOutput output = ClassOutput.read(outcome.output());
        ApplicationRun ran = ApplicationRun.run(project, outcome.output().resolve("classes"));
        return new LimitFigures(project.jobs(), project.tasks(), options.limitHeap(), outcome, List.of(), output.jtcClassCount(),
                output.jtcMethodsOverTheLimit().stream().map(MethodSize::toString).toList(),
                output.largestJtcMethod().map(MethodSize::toString).orElse(""),
                output.largestDaggerMethod().map(MethodSize::toString).orElse(""), constantPools(output),
                output.largestJtcConstantPool().map(e -> e.getKey() + ": " + e.getValue()).orElse(""), ran);
    }

    /** The constant-pool counts of the classes that grow with the application, by simple binary name. */
    private static Map<String, Integer> constantPools(ClassOutput output) {
        Map<String, Integer> pools = new LinkedHashMap<>();
        for (String suffix : List.of("Jobs", "JobRunner", "Component", "ScheduleRegistry", "Worker")) {
            output.constantPoolCount(APP + suffix).ifPresent(count -> pools.put(GeneratedProject.APPLICATION + suffix, count));
        }
        int parts = 0;
        int largestPart = 0;
        for (var count = output.constantPoolCount(APP + "JobRunner$Part0"); count.isPresent();
                count = output.constantPoolCount(APP + "JobRunner$Part" + parts)) {
            largestPart = Math.max(largestPart, count.get());
            parts++;
        }
        if (parts > 0) {
            pools.put(GeneratedProject.APPLICATION + "JobRunner$Part* (largest of " + parts + ")", largestPart);
        }
        String dagger = GeneratedProject.PACKAGE + ".Dagger" + GeneratedProject.APPLICATION + "Component";
        output.constantPoolCount(dagger).ifPresent(count -> pools.put("Dagger" + GeneratedProject.APPLICATION + "Component", count));
        String impl = dagger + "$" + GeneratedProject.APPLICATION + "ComponentImpl";
        output.constantPoolCount(impl).ifPresent(count -> pools.put("Dagger" + GeneratedProject.APPLICATION + "Component$"
                + GeneratedProject.APPLICATION + "ComponentImpl", count));
        return pools;
    }

    /** The first three fields of {@code /proc/loadavg}, or "unknown" off Linux. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void progress(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
    }
}
