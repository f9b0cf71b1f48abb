package dev.jtc.bench.compile;

import dev.jtc.processor.large.ClassFileSizes;
import dev.jtc.processor.large.ClassFileSizes.MethodSize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The class files one compilation wrote, split by who generated their source: jtc (its sources
 * carry {@code @Generated("dev.jtc.processor.JtcProcessor")}) or Dagger; with each method's
 * bytecode length and each class's constant-pool count.
 */
final class ClassOutput {

    private static final String JTC_MARKER = "@Generated(\"dev.jtc.processor.JtcProcessor\")";
    private static final String DAGGER_MARKER = "\"dagger.internal.codegen.ComponentProcessor\"";

    private final Map<String, byte[]> jtc;
    private final Map<String, byte[]> dagger;

    private ClassOutput(Map<String, byte[]> jtc, Map<String, byte[]> dagger) {
        this.jtc = jtc;
        this.dagger = dagger;
    }

    /** Reads {@code out/generated} (the sources the processors wrote) and {@code out/classes}. */
    static ClassOutput read(Path out) {
        Set<String> jtcTypes = new HashSet<>();
        Set<String> daggerTypes = new HashSet<>();
        Path generated = out.resolve("generated");
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file, StandardCharsets.UTF_8);
                String name = binaryName(generated, file, ".java");
                if (code.contains(JTC_MARKER)) {
                    jtcTypes.add(name);
                } else if (code.contains(DAGGER_MARKER)) {
                    daggerTypes.add(name);
                }
            }
            Map<String, byte[]> jtc = new TreeMap<>();
            Map<String, byte[]> dagger = new TreeMap<>();
            Path classes = out.resolve("classes");
            try (Stream<Path> classFiles = Files.walk(classes)) {
                for (Path file : classFiles.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = binaryName(classes, file, ".class");
                    String topLevel = name.contains("$") ? name.substring(0, name.indexOf('$')) : name;
                    if (jtcTypes.contains(topLevel)) {
                        jtc.put(name, Files.readAllBytes(file));
                    } else if (daggerTypes.contains(topLevel)) {
                        dagger.put(name, Files.readAllBytes(file));
                    }
                }
            }
            return new ClassOutput(jtc, dagger);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output in " + out + ": " + e.getMessage(), e);
        }
    }

    int jtcClassCount() {
        return jtc.size();
    }

    int daggerClassCount() {
        return dagger.size();
    }

    /** Every method of a class jtc generated whose bytecode is at or over HotSpot's 8,000-byte limit. */
    List<MethodSize> jtcMethodsOverTheLimit() {
        return methods(jtc).stream().filter(m -> m.codeLength() >= ClassFileSizes.JIT_LIMIT).toList();
    }

    Optional<MethodSize> largestJtcMethod() {
        return methods(jtc).stream().max(Comparator.comparingInt(MethodSize::codeLength));
    }

    Optional<MethodSize> largestDaggerMethod() {
        return methods(dagger).stream().max(Comparator.comparingInt(MethodSize::codeLength));
    }

    /** The constant-pool count of a class, jtc's or Dagger's, by binary name, if it was written. */
    Optional<Integer> constantPoolCount(String binaryName) {
        byte[] bytes = jtc.containsKey(binaryName) ? jtc.get(binaryName) : dagger.get(binaryName);
        return Optional.ofNullable(bytes).map(ClassFileSizes::constantPoolCount);
    }

    /** The class jtc generated with the most constants, and that count. */
    Optional<Map.Entry<String, Integer>> largestJtcConstantPool() {
        return jtc.entrySet().stream().map(e -> Map.entry(e.getKey(), ClassFileSizes.constantPoolCount(e.getValue())))
                .max(Map.Entry.comparingByValue());
    }

    private static List<MethodSize> methods(Map<String, byte[]> classes) {
        List<MethodSize> methods = new ArrayList<>();
        classes.values().forEach(bytes -> methods.addAll(ClassFileSizes.methods(bytes)));
        return methods;
    }

    private static String binaryName(Path root, Path file, String extension) {
        String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        return relative.substring(0, relative.length() - extension.length()).replace('/', '.');
    }
}
