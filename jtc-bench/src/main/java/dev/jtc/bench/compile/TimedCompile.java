package dev.jtc.bench.compile;

import java.io.File;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs one javac compilation in this JVM and prints on its last line of standard output how long
 * it took, without the JVM's start-up, and how much of that the processors spent in their own
 * code: {@code TimedCompile: status=0 millis=12345.6 gcMillis=321 peakHeapMb=612
 * processorMillis=dev.jtc.processor.JtcProcessor:812.0,...}. The compile benchmark starts a fresh
 * JVM with it for every compilation, so no compilation profits from another's warmed-up JIT.
 *
 * <p>Arguments: a file of javac options and a file of source files (one per line), then
 * optionally the processor path and the processors' class names (comma-separated). The processors
 * are loaded from that path, as {@code -processorpath} would, and handed to javac each wrapped in
 * a stopwatch.
 */
public final class TimedCompile {

    static final String PREFIX = "TimedCompile: ";

    private TimedCompile() {}

    public static void main(String[] args) throws IOException, ReflectiveOperationException {
        if (args.length != 2 && args.length != 4) {
            System.err.println("usage: TimedCompile <options-file> <sources-file> [<processor-path> <processor,...>]");
            System.exit(2);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            System.err.println("TimedCompile: this Java runtime has no compiler (run it on a JDK, not a JRE)");
            System.exit(2);
        }
        List<String> options = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        List<String> sources = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        List<TimedProcessor> processors = new ArrayList<>();
        if (args.length == 4) {
            ClassLoader loader = new URLClassLoader(urls(args[2]), TimedCompile.class.getClassLoader());
            for (String name : args[3].split(",")) {
                processors.add(new TimedProcessor((Processor) loader.loadClass(name).getConstructor().newInstance()));
            }
        }
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        boolean succeeded;
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null,
                    files.getJavaFileObjectsFromStrings(sources));
            if (!processors.isEmpty()) {
                task.setProcessors(processors);
            }
            succeeded = task.call();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        List<String> processorMillis = new ArrayList<>();
        for (TimedProcessor processor : processors) {
            processorMillis.add(processor.name() + ":" + String.format(Locale.ROOT, "%.1f", processor.nanos / 1e6));
        }
        System.out.println(PREFIX + String.format(Locale.ROOT, "status=%d millis=%.1f gcMillis=%d peakHeapMb=%d processorMillis=%s",
                succeeded ? 0 : 1, millis, gcMillis() - gcBefore, peakHeapMb(), String.join(",", processorMillis)));
        System.exit(succeeded ? 0 : 1);
    }

    private static URL[] urls(String path) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap the compilation needed at once. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes / (1024 * 1024);
    }

    /** A processor that adds up the time javac spends in its {@code init} and {@code process}. */
    private static final class TimedProcessor implements Processor {
        private final Processor delegate;
        private long nanos;

        TimedProcessor(Processor delegate) {
            this.delegate = delegate;
        }

        String name() {
            return delegate.getClass().getName();
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment processingEnv) {
            long start = System.nanoTime();
            try {
                delegate.init(processingEnv);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            long start = System.nanoTime();
            try {
                return delegate.process(annotations, roundEnv);
            } finally {
                nanos += System.nanoTime() - start;
            }
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation, ExecutableElement member,
                String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
