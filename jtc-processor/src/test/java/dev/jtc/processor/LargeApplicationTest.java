package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dagger.internal.codegen.ComponentProcessor;
import dev.jtc.processor.large.ClassFileSizes;
import dev.jtc.processor.large.ClassFileSizes.MethodSize;
import dev.jtc.processor.large.GeneratedProject;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.BrokerDispatcher;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.PayloadException;
import dev.jtc.runtime.ScheduledTask;
import dev.jtc.runtime.Settings;
import dev.jtc.runtime.UnknownJobException;
import dev.jtc.runtime.broker.InMemoryBroker;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application of 1,100 jobs and 200 tasks ({@link GeneratedProject}: five payload shapes,
 * eight packages, twenty task classes with {@code @Cron} and {@code @Every}) compiles with jtc and
 * Dagger without a warning, every method of every class jtc generates stays under HotSpot's
 * 8,000-byte limit for JIT compilation, and the split dispatch table runs jobs and a task from
 * its different parts. jtc-bench's {@code bench/run compile} takes the same project to 5,000 jobs
 * and 1,000 tasks.
 *
 * <p>Dagger's own generated code is not held to the limit, only reported: each of its provision
 * methods is one {@code new}, and its largest method here is {@code DaggerBigAppComponent.Factory.create}
 * at 26 bytes (the test prints it; {@code docs/performance.md} has the figures at 5,000 jobs). The
 * compilation takes 30 to 45 s on a 2-core machine: javac compiles 1,024 sources and the 4,700
 * classes jtc and Dagger generate from them, and jtc's processors themselves take about a fifth of
 * it (jtc-bench's {@code bench/run compile} measures the parts). The checks and runs take well
 * under a second.
 */
final class LargeApplicationTest {

    private static final GeneratedProject PROJECT = new GeneratedProject(1_100, 200);
    private static final String APP = GeneratedProject.PACKAGE + "." + GeneratedProject.APPLICATION;
    private static final String JTC_GENERATED = "@Generated(\"dev.jtc.processor.JtcProcessor\")";
    private static final String DAGGER_GENERATED = "\"dagger.internal.codegen.ComponentProcessor\"";

    private static Compilation compilation;
    private static CompiledClasses classes;
    /** The class files of every class jtc generated, nested ones included, by binary name. */
    private static Map<String, byte[]> jtcClasses;

    @BeforeAll
    static void compileTheApplication() {
        List<JavaFileObject> sources = new ArrayList<>();
        PROJECT.userSources().forEach((name, code) -> sources.add(JavaFileObjects.forSourceString(name, code)));
        sources.add(JavaFileObjects.forSourceString(APP, PROJECT.application()));
        long start = System.nanoTime();
        compilation = javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor())
                .withOptions("-Xlint:all,-processing")
                .compile(sources);
        System.out.printf("LargeApplicationTest: %,d sources (%d jobs, %d tasks) compiled with jtc and Dagger in %.1f s%n",
                sources.size(), PROJECT.jobs(), PROJECT.tasks(), (System.nanoTime() - start) / 1e9);
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
        jtcClasses = classFilesOf(generatedTypes(JTC_GENERATED));
    }

    @BeforeEach
    void emptyTheSink() {
        ran().clear();
    }

    @Test
    void everyMethodJtcGeneratesStaysBelowTheJitLimit() {
        List<MethodSize> tooLarge = new ArrayList<>();
        List<MethodSize> all = new ArrayList<>();
        for (byte[] classFile : jtcClasses.values()) {
            for (MethodSize method : ClassFileSizes.methods(classFile)) {
                all.add(method);
                if (method.codeLength() >= ClassFileSizes.JIT_LIMIT) {
                    tooLarge.add(method);
                }
            }
            assertTrue(ClassFileSizes.constantPoolCount(classFile) < ClassFileSizes.CONSTANT_POOL_LIMIT);
        }
        assertEquals(List.of(), tooLarge);

        // What was checked: a codec per job (with its Payload record), a schedule per task class, the
        // five aggregates, the dispatch table's parts and the contribution markers.
        for (String aggregate : List.of("Jobs", "JobRunner", "ScheduleRegistry", "Component", "Worker")) {
            assertTrue(jtcClasses.containsKey(APP + aggregate), APP + aggregate);
        }
        assertEquals(PROJECT.jobs(), count(jtcClasses.keySet(), name -> name.endsWith("Codec")));
        assertEquals(PROJECT.jobs(), count(jtcClasses.keySet(), name -> name.endsWith("Codec$Payload")));
        assertEquals(GeneratedProject.OWNERS, count(jtcClasses.keySet(), name -> name.endsWith("Schedule")));
        assertEquals(PROJECT.jobs() + GeneratedProject.OWNERS + 1,
                count(jtcClasses.keySet(), name -> name.startsWith("dev.jtc.contributions.")));
        int parts = partCount();
        assertEquals(parts, count(jtcClasses.keySet(), name -> name.startsWith(APP + "JobRunner$Part")));
        assertTrue(parts >= 16, "1,200 entries need at least 12 parts of 100; the table has " + parts);
        assertTrue(all.stream().anyMatch(m -> m.className().endsWith("BigAppJobs") && m.name().equals("jobTypes2")),
                "BigAppJobs.JOB_TYPES is split into methods of 500");

        MethodSize largest = all.stream().max(Comparator.comparingInt(MethodSize::codeLength)).orElseThrow();
        MethodSize dagger = classFilesOf(generatedTypes(DAGGER_GENERATED)).values().stream()
                .flatMap(classFile -> ClassFileSizes.methods(classFile).stream())
                .max(Comparator.comparingInt(MethodSize::codeLength)).orElseThrow();
        System.out.printf("LargeApplicationTest: largest method jtc generated %s; Dagger's largest %s%n", largest, dagger);
    }

    @Test
    void typedDispatcherSpreadsItsMethodsOverSuperclassesAndOffersThemAll() throws Exception {
        Class<?> jobs = classes.load(APP + "Jobs");
        assertEquals(APP + "JobsPart1", jobs.getSuperclass().getName(), "1,100 jobs: a thousand per class");
        CapturingDispatcher dispatcher = new CapturingDispatcher();
        Object typed = jobs.getConstructor(dev.jtc.runtime.Dispatcher.class).newInstance(dispatcher);
        List<JobType> types = definition().jobTypes();
        for (JobType type : List.of(types.get(0), types.get(types.size() - 1))) {
            java.lang.reflect.Method method = plainDispatchMethod(jobs, dev.jtc.processor.naming.GeneratedNames.methodName(type.name()));
            method.invoke(typed, defaults(method.getParameterTypes()));
            assertEquals(type.name(), dispatcher.sent.get(dispatcher.sent.size() - 1).type().name());
        }
        assertEquals(APP + "JobsPart1", plainDispatchMethod(jobs, dev.jtc.processor.naming.GeneratedNames.methodName(types.get(0).name()))
                .getDeclaringClass().getName());
    }

    private static java.lang.reflect.Method plainDispatchMethod(Class<?> jobs, String name) {
        for (java.lang.reflect.Method method : jobs.getMethods()) {
            int count = method.getParameterCount();
            if (method.getName().equals(name) && (count == 0 || method.getParameterTypes()[count - 1] != dev.jtc.runtime.DispatchOptions.class)) {
                return method;
            }
        }
        throw new AssertionError("no dispatch method " + name);
    }

    /** A value of each type that the generated encoders accept: zero, empty, or null for records. */
    private static Object[] defaults(Class<?>[] types) {
        Object[] values = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> type = types[i];
            values[i] = type == long.class ? 1L : type == int.class ? 1 : type == double.class ? 1.0 : type == boolean.class ? true
                    : type == String.class ? "x" : type == List.class ? List.of() : type == Instant.class ? Instant.EPOCH : null;
        }
        return values;
    }

    @Test
    void workerDefinitionListsEveryJobAndTask() throws ReflectiveOperationException {
        AppDefinition app = definition();
        assertEquals(GeneratedProject.APPLICATION, app.name());
        Set<String> jobNames = new TreeSet<>();
        IntStream.range(0, PROJECT.jobs()).forEach(i -> jobNames.add(PROJECT.jobName(i)));
        assertEquals(jobNames, new TreeSet<>(app.jobTypes().stream().map(JobType::name).toList()));
        Set<String> taskNames = new TreeSet<>();
        IntStream.range(0, PROJECT.tasks()).forEach(t -> taskNames.add(PROJECT.taskName(t)));
        assertEquals(taskNames, new TreeSet<>(app.scheduledTasks().stream().map(ScheduledTask::name).toList()));
        assertEquals(PROJECT.tasks() / 2, app.scheduledTasks().stream().filter(task -> task.kind() == ScheduledTask.Kind.CRON).count());
    }

    @Test
    void runsJobsOfEveryShapeAndATaskFromDifferentPartsOfTheTable() throws Exception {
        int parts = partCount();
        Map<Integer, String> byPart = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        JobRunner runner = runner();
        // One job of each payload shape, each from a part of the table the others are not in.
        for (int shape = 0; shape < 5; shape++) {
            int index = shape;
            while (byPart.containsKey(part(PROJECT.jobName(index), parts))) {
                index += 5;
            }
            String name = PROJECT.jobName(index);
            byPart.put(part(name, parts), name);
            runner.run(name, PROJECT.samplePayload(index), new FixedJobContext(name, Instant.EPOCH));
            expected.add(PROJECT.sampleRecord(index));
        }
        // A job whose name is set with @Job(name = ...), and a task, from yet other parts.
        int named = 3;
        while (byPart.containsKey(part(PROJECT.jobName(named), parts))) {
            named += 7;
        }
        byPart.put(part(PROJECT.jobName(named), parts), PROJECT.jobName(named));
        runner.run(PROJECT.jobName(named), PROJECT.samplePayload(named), new FixedJobContext(PROJECT.jobName(named), Instant.EPOCH));
        expected.add(PROJECT.sampleRecord(named));
        int task = PROJECT.tasks() - 1;
        while (byPart.containsKey(part(PROJECT.taskName(task), parts))) {
            task--;
        }
        byPart.put(part(PROJECT.taskName(task), parts), PROJECT.taskName(task));
        runner.run(PROJECT.taskName(task), "{}", new FixedJobContext(PROJECT.taskName(task), Instant.EPOCH));
        expected.add(PROJECT.taskRecord(task));

        assertEquals(expected, ran());
        assertEquals(7, new HashSet<>(byPart.keySet()).size(), "seven entries from seven parts: " + byPart);
    }

    @Test
    void payloadValidatorDecodesWithTheCodecOfEveryPart() throws Exception {
        AppDefinition.PayloadValidator validator = definition().payloadValidator();
        int parts = partCount();
        Set<Integer> partsTried = new HashSet<>();
        for (int index = 0; index < PROJECT.jobs() && partsTried.size() < parts; index++) {
            String name = PROJECT.jobName(index);
            if (partsTried.add(part(name, parts))) {
                validator.validate(name, PROJECT.samplePayload(index));
                PayloadException bad = assertThrows(PayloadException.class, () -> validator.validate(name, "[]"));
                assertTrue(bad.getMessage().startsWith("cannot decode the payload of job '" + name + "'"), bad.getMessage());
            }
        }
        assertEquals(parts, partsTried.size(), "a job from every part of the table");
        String task = PROJECT.taskName(0);
        assertEquals(task, assertThrows(UnknownJobException.class, () -> validator.validate(task, "{}")).jobName());
        assertTrue(ran().isEmpty(), "validating runs nothing");
    }

    @Test
    void unknownNameIsReportedWhicheverPartItHashesTo() throws Exception {
        JobRunner runner = runner();
        int parts = partCount();
        Set<Integer> partsTried = new HashSet<>();
        for (int i = 0; partsTried.size() < parts; i++) {
            String name = "RenamedJob" + i;
            if (partsTried.add(part(name, parts))) {
                UnknownJobException e = assertThrows(UnknownJobException.class,
                        () -> runner.run(name, "{}", new FixedJobContext(name, Instant.EPOCH)));
                assertEquals(name, e.jobName());
            }
        }
        assertTrue(ran().isEmpty());
    }

    /** How many parts the dispatch table is split into: the runner's nested {@code PartN} classes. */
    private static int partCount() {
        return count(jtcClasses.keySet(), name -> name.startsWith(APP + "JobRunner$Part"));
    }

    /** The part of the table a name is in: the generated runner switches on {@code Names.tablePart(name, parts)}. */
    private static int part(String name, int parts) {
        return dev.jtc.schedule.Names.tablePart(name, parts);
    }

    private static AppDefinition definition() throws ReflectiveOperationException {
        return (AppDefinition) classes.load(APP + "Worker").getMethod("definition").invoke(null);
    }

    private static JobRunner runner() throws ReflectiveOperationException {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        return definition().runnerFactory().create(new BrokerDispatcher(new InMemoryBroker(clock), clock), clock, Settings.of(Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> ran() {
        try {
            return (List<String>) classes.load(GeneratedProject.PACKAGE + ".Sink").getField("RAN").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The qualified names of the top-level types whose generated source carries {@code marker}. */
    private static Set<String> generatedTypes(String marker) {
        Set<String> types = new HashSet<>();
        for (JavaFileObject source : compilation.generatedSourceFiles()) {
            try {
                if (source.getCharContent(true).toString().contains(marker)) {
                    types.add(qualifiedName(source, "SOURCE_OUTPUT/", ".java"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }

    /** The class files of {@code types} and of the classes nested in them, by binary name. */
    private static Map<String, byte[]> classFilesOf(Set<String> types) {
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String name = qualifiedName(file, "CLASS_OUTPUT/", ".class");
            int nested = name.indexOf('$');
            if (types.contains(nested < 0 ? name : name.substring(0, nested))) {
                try (InputStream in = file.openInputStream()) {
                    classFiles.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return classFiles;
    }

    private static String qualifiedName(JavaFileObject file, String root, String extension) {
        String path = file.toUri().getPath();
        return path.substring(path.indexOf(root) + root.length(), path.length() - extension.length()).replace('/', '.');
    }

    private static int count(Set<String> names, Predicate<String> test) {
        return (int) names.stream().filter(test).count();
    }
}
