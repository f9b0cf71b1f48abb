package dev.jtc.docs;

import dagger.internal.codegen.ComponentProcessor;
import dev.jtc.processor.JtcApplicationProcessor;
import dev.jtc.processor.JtcProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the docs' code with the JDK's javac as a user's build does: {@code --release 17},
 * jtc's two processors and Dagger's, lint on (as in this repository's own build).
 */
final class SnippetCompiler {

    /** One message of javac or a processor; {@code file} is the source's path as given, or empty for none. */
    record Message(Diagnostic.Kind kind, String file, long line, String text) {

        boolean isError() {
            return kind == Diagnostic.Kind.ERROR;
        }

        boolean isWarning() {
            return kind == Diagnostic.Kind.WARNING || kind == Diagnostic.Kind.MANDATORY_WARNING;
        }
    }

    record Result(boolean success, List<Message> messages) {
    }

    private SnippetCompiler() {
    }

    /**
     * Writes {@code sources} under {@code dir/src} and compiles them into {@code dir/classes}
     * against {@code classpath}.
     */
    static Result compile(List<SnippetContexts.SourceFile> sources, Path dir, List<Path> classpath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Path generated = dir.resolve("generated");
        try (StandardJavaFileManager files = javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            Files.createDirectories(classes);
            Files.createDirectories(generated);
            List<Path> paths = new ArrayList<>();
            for (SnippetContexts.SourceFile source : sources) {
                Path file = src.resolve(source.path());
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.content());
                paths.add(file);
            }
            List<String> path = new ArrayList<>();
            path.add(classes.toString());
            classpath.forEach(entry -> path.add(entry.toString()));
            List<String> options = List.of("--release", "17", "-encoding", "UTF-8", "-d", classes.toString(),
                    "-s", generated.toString(), "-cp", String.join(File.pathSeparator, path),
                    "-Xlint:all,-processing,-options", "-implicit:none");
            JavaCompiler.CompilationTask task = javac.getTask(null, files, collector, options, null,
                    files.getJavaFileObjectsFromPaths(paths));
            task.setProcessors(List.of(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor()));
            boolean success = task.call();
            List<Message> messages = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
                String file = "";
                if (d.getSource() != null) {
                    Path source = Path.of(d.getSource().toUri());
                    file = source.startsWith(src) ? src.relativize(source).toString().replace(File.separatorChar, '/') : source.toString();
                }
                messages.add(new Message(d.getKind(), file, d.getLineNumber(), d.getMessage(Locale.ROOT)));
            }
            return new Result(success, List.copyOf(messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
