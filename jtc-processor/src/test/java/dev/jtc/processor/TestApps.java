package dev.jtc.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** The sample applications under {@code src/test/resources/apps}, compiled with jtc and Dagger. */
final class TestApps {

    private TestApps() {
    }

    /** Compiles every source of {@code apps/<name>}. */
    static Compilation compile(String name) {
        return TestSources.compileWithDagger(sources(name).toArray(JavaFileObject[]::new));
    }

    private static List<JavaFileObject> sources(String name) {
        URL root = TestApps.class.getClassLoader().getResource("apps/" + name);
        if (root == null) {
            throw new IllegalArgumentException("no test application apps/" + name);
        }
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .sorted()
                    .map(file -> {
                        try {
                            return JavaFileObjects.forResource(file.toUri().toURL());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
