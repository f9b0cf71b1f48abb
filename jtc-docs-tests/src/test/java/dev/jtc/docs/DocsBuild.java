package dev.jtc.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where this build's pieces are: the repository, the modules' build directories (named by
 * {@code -Djtc.target}), the class paths the snippets compile against. Everything comes from the
 * system properties this module's pom passes to Surefire, and from the test class path.
 */
final class DocsBuild {

    /** The sample's modules: their classes are on the class path only of the fragments about the sample. */
    private static final List<String> SAMPLE_MODULES = List.of("jtc-sample", "jtc-sample-inventory");

    private DocsBuild() {
    }

    static Path root() {
        return Path.of(property("jtc.docs.root")).toAbsolutePath().normalize();
    }

    /** The build directory's name in every module ({@code target} unless {@code -Djtc.target} says otherwise). */
    static String target() {
        return property("jtc.docs.target");
    }

    static String version() {
        return property("jtc.docs.version");
    }

    static Path moduleTarget(String module) {
        return root().resolve(module).resolve(target());
    }

    /** README.md and every page under docs/, in a stable order. */
    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(root().resolve("README.md"));
        try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    /** The test class path without the sample's modules: the runtime, annotations, Dagger, JUnit. */
    static List<Path> baseClasspath() {
        return testClasspath().stream().filter(entry -> !inSampleModule(entry)).toList();
    }

    /** The base class path plus the sample's classes and its test classes (TestShopComponent and the like). */
    static List<Path> sampleClasspath() {
        List<Path> path = new ArrayList<>(testClasspath());
        Path sampleTests = moduleTarget("jtc-sample").resolve("test-classes");
        if (!Files.isDirectory(sampleTests)) {
            throw new IllegalStateException("the sample's test classes are not at " + sampleTests
                    + ": build jtc-sample's tests first (mvn -pl jtc-docs-tests -am verify)");
        }
        path.add(sampleTests);
        return path;
    }

    /** Where excerpts are looked up: the sample's sources, its generated sources, the runtime's sources. */
    static List<Path> sourceRoots() {
        List<Path> roots = new ArrayList<>();
        for (String module : SAMPLE_MODULES) {
            roots.add(root().resolve(module).resolve("src/main/java"));
            roots.add(moduleTarget(module).resolve("generated-sources/annotations"));
            roots.add(root().resolve(module).resolve("src/test/java"));
        }
        roots.add(root().resolve("jtc-runtime/src/main/java"));
        return roots;
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run these tests through Maven"
                    + " (mvn -pl jtc-docs-tests -am verify), whose Surefire configuration sets it");
        }
        return value;
    }

    private static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().normalize())
                .filter(entry -> !entry.startsWith(moduleTarget("jtc-docs-tests")))
                .toList();
    }

    private static boolean inSampleModule(Path entry) {
        return SAMPLE_MODULES.stream().anyMatch(module -> entry.startsWith(moduleTarget(module)));
    }
}
