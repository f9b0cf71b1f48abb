package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Compares every source jtc generates for the test applications, as exact text, with the golden
 * files under {@code src/test/resources/golden/<app>/}. Readability is what the golden files
 * guard, so layout and comments count. To regenerate after an intended change:
 * {@code mvn -pl jtc-processor -am test -Dtest=GoldenFilesTest -Djtc.golden.update=true} (see the
 * README beside the golden files), then review the diff.
 */
final class GoldenFilesTest {

    private static final String REGENERATE = "regenerate with: mvn -pl jtc-processor -am test -Dtest=GoldenFilesTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Djtc.golden.update=true";

    @Test
    void richApplication() {
        check("rich");
    }

    @Test
    void scheduledTasksOnlyInAGeneratedPackage() {
        check("tasks");
    }

    @Test
    void middlewareAndLimits() {
        check("middleware");
    }

    private static void check(String app) {
        Compilation compilation = TestApps.compile(app);
        assertThat(compilation).succeededWithoutWarnings();
        Map<String, String> generated = generatedByJtc(compilation);
        Path goldenDir = goldenRoot().resolve(app);
        if (Boolean.getBoolean("jtc.golden.update")) {
            rewrite(goldenDir, generated);
            return;
        }
        Map<String, String> golden = read(goldenDir);
        assertEquals(golden.keySet(), generated.keySet(), "the generated files differ from the golden ones; " + REGENERATE);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertEquals(golden.get(file.getKey()), file.getValue(), file.getKey() + " differs from its golden file; " + REGENERATE);
        }
    }

    /** Generated sources carrying jtc's {@code @Generated}, by path below the source output ({@code com/acme/X.java}). */
    private static Map<String, String> generatedByJtc(Compilation compilation) {
        Map<String, String> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            String text = content(file);
            if (text.contains("@Generated(\"dev.jtc.processor.JtcProcessor\")")) {
                String path = file.toUri().getPath();
                files.put(path.substring(path.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length()), text);
            }
        }
        return files;
    }

    private static Path goldenRoot() {
        String dir = System.getProperty("jtc.golden.dir");
        return dir != null ? Path.of(dir) : Path.of("src/test/resources/golden");
    }

    private static Map<String, String> read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static void rewrite(Path dir, Map<String, String> files) {
        try {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> old = Files.walk(dir)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
