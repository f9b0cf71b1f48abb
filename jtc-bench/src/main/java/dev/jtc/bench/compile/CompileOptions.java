package dev.jtc.bench.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of the {@link CompileBenchmark} does.
 *
 * @param sizes the numbers of jobs of the timed projects; each also has 20% as many tasks
 * @param repeat compilations per project and mode; the figures are their median
 * @param limit the jobs of the compile-and-run project (with 20% as many tasks), or 0 for none
 * @param heap the {@code -Xmx} of each timed compilation's JVM
 * @param limitHeap the {@code -Xmx} of the compile-and-run project's JVM
 * @param distinctPayloads whether every job has a payload record of its own ({@code --payloads distinct}),
 *     which fills the generated classes' constant pools fastest, rather than five shapes shared by all
 * @param classpath the compiled projects' class path (jtc's runtime and its dependencies)
 * @param processorPath jtc's processor, Dagger's and their dependencies
 * @param work where the projects are written and compiled
 * @param output where the JSON and CSV results go
 */
record CompileOptions(List<Integer> sizes, int repeat, int limit, String heap, String limitHeap, boolean distinctPayloads,
        String classpath,
        String processorPath, Path work, Path output) {

    static final String USAGE = """
            usage: CompileBenchmark --classpath CP --processor-path PP [options]
              --sizes N1,N2       jobs of the timed projects, each with 20% as many tasks; 'none' for none
                                  (default 250,500,1000,2000)
              --repeat N          compilations per project and mode, the median is reported (default 3)
              --limit N           jobs of the project that is compiled once and run, with 20% as many tasks;
                                  0 for none (default 5000)
              --heap SIZE         -Xmx of each timed compilation's fresh JVM (default 1g)
              --limit-heap SIZE   -Xmx of the compile-and-run project's JVM (default 1g)
              --payloads KIND     shared: five payload shapes over all jobs (default); distinct: every job
                                  its own payload record, the most class-file constants per job
              --classpath CP      the compiled projects' class path: jtc-runtime and its dependencies (bench/run sets it)
              --processor-path PP jtc-processor and its dependencies, Dagger's compiler among them (bench/run sets it)
              --work DIR          where the projects are written and compiled (default target/compile-projects)
              --out DIR           where the JSON and CSV results go (default target/bench-results)
            """;

    CompileOptions {
        sizes = List.copyOf(sizes);
    }

    static CompileOptions parse(String[] args) {
        List<Integer> sizes = List.of(250, 500, 1_000, 2_000);
        int repeat = 3;
        int limit = 5_000;
        String heap = "1g";
        String limitHeap = "1g";
        boolean distinctPayloads = false;
        String classpath = null;
        String processorPath = null;
        Path work = Path.of("target/compile-projects");
        Path output = Path.of("target/bench-results");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int equals = name.indexOf('=');
            if (equals > 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--sizes" -> sizes = value.equals("none") ? List.of() : numbers(name, value);
                case "--repeat" -> repeat = positive(name, value);
                case "--limit" -> limit = number(name, value);
                case "--heap" -> heap = heapSize(name, value);
                case "--limit-heap" -> limitHeap = heapSize(name, value);
                case "--payloads" -> distinctPayloads = switch (value) {
                    case "shared" -> false;
                    case "distinct" -> true;
                    default -> throw new IllegalArgumentException("--payloads takes shared or distinct, not '" + value + "'");
                };
                case "--classpath" -> classpath = value;
                case "--processor-path" -> processorPath = value;
                case "--work" -> work = Path.of(value);
                case "--out" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + " (--help lists them)");
            }
        }
        if (classpath == null || processorPath == null) {
            throw new IllegalArgumentException("--classpath and --processor-path are required (bench/run compile sets them)");
        }
        return new CompileOptions(sizes, repeat, limit, heap, limitHeap, distinctPayloads, classpath, processorPath, work, output);
    }

    /** 20% of {@code jobs}, as issue 6's projects have. */
    static int tasksFor(int jobs) {
        return jobs / 5;
    }

    private static List<Integer> numbers(String name, String value) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : value.split(",")) {
            numbers.add(positive(name, part.trim()));
        }
        return numbers;
    }

    private static int positive(String name, String value) {
        int number = number(name, value);
        if (number < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
        return number;
    }

    private static int number(String name, String value) {
        try {
            int number = Integer.parseInt(value.replace("_", ""));
            if (number < 0) {
                throw new IllegalArgumentException(name + " must not be negative, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'", e);
        }
    }

    private static String heapSize(String name, String value) {
        if (!value.matches("[0-9]+[mMgG]")) {
            throw new IllegalArgumentException(name + " takes a size such as 1g or 768m, not '" + value + "'");
        }
        return value;
    }
}
