package dev.jtc.processor;

import dagger.internal.codegen.ComponentProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The JDK's own javac on real directories, as a build tool runs it: sources on disk, class files
 * written to an output directory that may already hold an earlier build, jars on the class path.
 * For the tests of separate and partial compilation, which compile-testing's in-memory files
 * cannot show.
 */
final class RealJavac {

    /** What one compilation said: whether it succeeded, and its diagnostics as {@code kind: message} lines. */
    record Result(boolean success, List<String> diagnostics) {

        List<String> errors() {
            return diagnostics.stream().filter(line -> line.startsWith("ERROR")).toList();
        }

        List<String> warnings() {
            return diagnostics.stream().filter(line -> line.startsWith("WARNING") || line.startsWith("MANDATORY_WARNING")).toList();
        }

        List<String> notes() {
            return diagnostics.stream().filter(line -> line.startsWith("NOTE")).toList();
        }
    }

    private RealJavac() {
    }

    /**
     * Compiles {@code sources} into {@code output} with jtc's and Dagger's processors, the output
     * directory first on the class path (as Maven and IDEs do), then {@code classpath}.
     */
    static Result compile(List<Path> sources, Path output, Path generatedSources, List<Path> classpath, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(output);
            Files.createDirectories(generatedSources);
            List<String> path = new ArrayList<>();
            path.add(output.toString());
            classpath.forEach(entry -> path.add(entry.toString()));
            path.add(System.getProperty("java.class.path"));
            List<String> arguments = new ArrayList<>(List.of("-d", output.toString(), "-s", generatedSources.toString(),
                    "-cp", String.join(File.pathSeparator, path), "-Xlint:all,-processing", "-encoding", "UTF-8"));
            arguments.addAll(List.of(options));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, collector, arguments, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor()));
            boolean success = task.call();
            List<String> diagnostics = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : collector.getDiagnostics()) {
                String where = diagnostic.getSource() == null ? "" : " (" + Path.of(diagnostic.getSource().toUri()).getFileName()
                        + ":" + diagnostic.getLineNumber() + ")";
                diagnostics.add(diagnostic.getKind() + ": " + diagnostic.getMessage(Locale.ROOT) + where);
            }
            return new Result(success, diagnostics);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code code} to the file of class {@code qualifiedName} under {@code root}, and returns the file. */
    static Path write(Path root, String qualifiedName, String code) {
        Path file = root.resolve(qualifiedName.replace('.', '/') + ".java");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Every {@code .java} file under {@code root}. */
    static List<Path> sourcesIn(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Packs {@code classes} into a jar, as a library module's build does. */
    static Path jar(Path classes, Path jar) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> paths = Files.walk(classes)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** A class loader over {@code entries} (directories or jars), whose parent is the test's, so the runtime is shared. */
    static URLClassLoader loader(Path... entries) {
        List<URL> urls = new ArrayList<>();
        try {
            for (Path entry : entries) {
                urls.add(entry.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), RealJavac.class.getClassLoader());
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
