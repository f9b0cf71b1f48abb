package dev.jtc.bench.compile;

import dev.jtc.processor.large.GeneratedProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a {@link GeneratedProject} to disk and compiles it in a fresh JVM per compilation
 * ({@link TimedCompile}), one {@link CompileMode} at a time, into a clean output directory.
 *
 * <p>Every mode gets the same javac options ({@code --release 17 -g -Xlint:all,-processing}, as
 * the repository's Maven build) and the same class path: jtc's runtime and what it needs, Dagger
 * among them, as an application's build has. The processors come from their own path, as Maven's
 * {@code annotationProcessorPaths} gives them.
 */
final class ProjectCompiler {

    /** What one compilation did: javac's status, its time, and where its output and messages are. */
    record Outcome(CompileMode mode, int status, double millis, long gcMillis, long peakHeapMb, Map<String, Double> processorMillis,
            int classFiles, Path output, List<String> errors) {

        Outcome {
            processorMillis = Map.copyOf(processorMillis);
        }

        boolean succeeded() {
            return status == 0;
        }

        /** The time spent in jtc's two processors' own code ({@code init} and {@code process}). */
        double jtcProcessorMillis() {
            return processorMillis("dev.jtc.");
        }

        /** The time spent in Dagger's processor's own code. */
        double daggerProcessorMillis() {
            return processorMillis("dagger.");
        }

        private double processorMillis(String packagePrefix) {
            return processorMillis.entrySet().stream().filter(e -> e.getKey().startsWith(packagePrefix))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    private final String classpath;
    private final String processorPath;
    private final String heap;

    /**
     * @param classpath the compiled project's class path
     * @param processorPath where javac finds jtc's and Dagger's processors
     * @param heap the forked JVM's {@code -Xmx}, such as {@code 1g}
     */
    ProjectCompiler(String classpath, String processorPath, String heap) {
        this.classpath = classpath;
        this.processorPath = processorPath;
        this.heap = heap;
    }

    /**
     * Writes the project under {@code directory}: the user's code in {@code src/}, and for each mode
     * its one extra source in a directory of its own (the {@code @JtcApplication} in {@code app/},
     * the hand-written component in {@code dagger/}).
     */
    static void write(GeneratedProject project, Path directory) {
        delete(directory);
        project.userSources().forEach((name, code) -> writeSource(directory.resolve("src"), name, code));
        for (CompileMode mode : CompileMode.values()) {
            writeSource(extraSourceRoot(directory, mode), mode.applicationName(), mode.applicationSource(project));
        }
    }

    /** Compiles the project in {@code directory} one way, into {@code directory/out-<mode>}. */
    Outcome compile(Path directory, CompileMode mode) {
        Path out = directory.resolve("out-" + mode.key().replace('+', '-'));
        delete(out);
        try {
            Files.createDirectories(out.resolve("classes"));
            Files.createDirectories(out.resolve("generated"));
            List<String> options = new ArrayList<>(List.of("--release", "17", "-g", "-encoding", "UTF-8",
                    "-Xlint:all,-processing", "-Xmaxerrs", "20", "-Xmaxwarns", "20",
                    "-d", out.resolve("classes").toString(), "-s", out.resolve("generated").toString(),
                    "-classpath", classpath));
            if (mode.processors().isEmpty()) {
                options.add("-proc:none");
            }
            List<String> sources = new ArrayList<>(javaFiles(directory.resolve("src")));
            sources.addAll(javaFiles(extraSourceRoot(directory, mode)));
            Path optionsFile = Files.write(out.resolve("javac.options"), options, StandardCharsets.UTF_8);
            Path sourcesFile = Files.write(out.resolve("javac.sources"), sources, StandardCharsets.UTF_8);

            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap, "-cp", ownClasspath(),
                    TimedCompile.class.getName(), optionsFile.toString(), sourcesFile.toString()));
            if (!mode.processors().isEmpty()) {
                command.addAll(List.of(processorPath, String.join(",", mode.processors())));
            }
            Path stdout = out.resolve("stdout.txt");
            Path log = out.resolve("javac.log");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(log.toFile())
                    .start();
            int exit = process.waitFor();
            String summary = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(TimedCompile.PREFIX)).reduce((first, second) -> second).orElse("");
            Map<String, String> fields = fields(summary);
            return new Outcome(mode, summary.isEmpty() ? exit : Integer.parseInt(fields.get("status")),
                    number(fields.get("millis")), (long) number(fields.get("gcMillis")), (long) number(fields.get("peakHeapMb")),
                    processorMillis(fields.getOrDefault("processorMillis", "")), countClassFiles(out.resolve("classes")), out, errors(log, summary.isEmpty() ? exit : 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + directory + " (" + mode.key() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling " + directory, e);
        }
    }

    private static Path extraSourceRoot(Path directory, CompileMode mode) {
        return directory.resolve(mode == CompileMode.DAGGER ? "dagger" : "app");
    }

    private static void writeSource(Path root, String qualifiedName, String code) {
        Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, code, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
    }

    /** The lines of javac's log that say what went wrong (its errors, and the JVM's if it died), at most 40. */
    private static List<String> errors(Path log, int crashed) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size() && errors.size() < 40; i++) {
            String line = lines.get(i);
            if (crashed != 0 || line.contains("error:") || line.contains("Error") || line.contains("Exception")) {
                errors.add(line);
            }
        }
        return errors;
    }

    private static Map<String, String> fields(String summary) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : summary.substring(Math.min(summary.length(), TimedCompile.PREFIX.length())).trim().split("\\s+")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return fields;
    }

    /** {@code a.B:12.5,c.D:3.0} as a map from processor to milliseconds. */
    static Map<String, Double> processorMillis(String text) {
        Map<String, Double> millis = new java.util.LinkedHashMap<>();
        for (String entry : text.split(",")) {
            int colon = entry.lastIndexOf(':');
            if (colon > 0) {
                millis.put(entry.substring(0, colon), Double.parseDouble(entry.substring(colon + 1)));
            }
        }
        return millis;
    }

    private static double number(String text) {
        return text == null ? Double.NaN : Double.parseDouble(text);
    }

    private static int countClassFiles(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return (int) files.filter(file -> file.toString().endsWith(".class")).count();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Only this module's classes: the forked JVM needs {@link TimedCompile}, and javac gets its paths as arguments. */
    private static String ownClasspath() {
        try {
            return Path.of(TimedCompile.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory + ": " + e.getMessage(), e);
        }
    }
}
