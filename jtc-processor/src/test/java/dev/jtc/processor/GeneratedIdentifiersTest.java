package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dagger.internal.codegen.ComponentProcessor;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identifiers in generated code that come from the user's code: parameter names the generated
 * methods also use, names a record cannot have, classes named like the generated ones, and codec
 * names that must not depend on what an earlier build left on the classpath.
 */
final class GeneratedIdentifiersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void parameterNamesThatGeneratedCodeAlsoUsesCompileCleanlyAndArriveIntact() throws Exception {
        JavaFileObject job = source("p.Clash", """
                package p;

                import dev.jtc.Job;
                import dev.jtc.runtime.JobContext;
                import jakarta.inject.Inject;
                import java.time.Duration;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                @Job
                public final class Clash {
                    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

                    @Inject Clash() {}

                    void handle(String p, String out, String in, String json, String value, String options, String dispatcher,
                            Duration wait, String toString, int hashCode, String in2, List<List<String>> value2, String name,
                            String payload, String context, String component, JobContext jobContext) {
                        RECEIVED.add(String.join(",", p, out, in, json, value, options, dispatcher, wait.toString(), toString,
                                String.valueOf(hashCode), in2, value2.toString(), name, payload, context, component,
                                jobContext.name()));
                    }
                }
                """);
        Compilation compilation = compileWithDagger(APP, job);
        assertThat(compilation).succeededWithoutWarnings();
        CompiledClasses classes = new CompiledClasses(compilation);

        CapturingDispatcher dispatcher = new CapturingDispatcher();
        Object jobs = classes.load("p.ShopAppJobs").getConstructor(Dispatcher.class).newInstance(dispatcher);
        Object[] arguments = {"p", "out", "in", "json", "value", "options", "dispatcher", Duration.ofSeconds(5), "toString", 7,
            "in2", List.of(List.of("v")), "name", "payload", "context", "component"};
        for (var method : jobs.getClass().getMethods()) {
            if (method.getName().equals("clash") && method.getParameterCount() == arguments.length) {
                method.invoke(jobs, arguments);
            }
        }
        assertEquals(1, dispatcher.payloads.size());
        String payload = dispatcher.payloads.get(0);
        assertEquals("{\"p\":\"p\",\"out\":\"out\",\"in\":\"in\",\"json\":\"json\",\"value\":\"value\",\"options\":\"options\","
                + "\"dispatcher\":\"dispatcher\",\"wait\":\"PT5S\",\"toString\":\"toString\",\"hashCode\":7,\"in2\":\"in2\","
                + "\"value2\":[[\"v\"]],\"name\":\"name\",\"payload\":\"payload\",\"context\":\"context\",\"component\":\"component\"}",
                payload);

        AppDefinition definition = (AppDefinition) classes.load("p.ShopAppWorker").getMethod("definition").invoke(null);
        definition.runnerFactory().create(dispatcher, CLOCK, Settings.empty())
                .run("Clash", payload, new FixedJobContext("Clash", CLOCK.instant()));
        @SuppressWarnings("unchecked")
        List<String> received = (List<String>) classes.load("p.Clash").getField("RECEIVED").get(null);
        assertEquals(List.of("p,out,in,json,value,options,dispatcher,PT5S,toString,7,in2,[[v]],name,payload,context,component,Clash"),
                received);
    }

    @Test
    void payloadRecordRenamesOnlyTheComponentsARecordCannotHave() {
        JavaFileObject job = source("p.Wait", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import java.time.Duration;

                @Job
                final class Wait {
                    @Inject Wait() {}

                    void handle(Duration wait, String wait_, boolean equals) {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.WaitCodec").contentsAsUtf8String()
                .contains("public record Payload(Duration wait__, String wait_, boolean equals) {");
        assertThat(compilation).generatedSourceFile("p.WaitCodec").contentsAsUtf8String()
                .contains("job.handle(p.wait__(), p.wait_(), p.equals());");
        // "wait" is Object's: the job's methods get "Job" appended, whatever other jobs exist.
        assertThat(compilation).generatedSourceFile("p.ShopAppJobRunner").contentsAsUtf8String()
                .contains("case \"Wait\" -> WaitCodec.run(component.waitJob(), payload, context);");
    }

    @Test
    void jobClassesNamedLikeTheMethodsDaggerAddsToTheComponent() {
        List<JavaFileObject> sources = new ArrayList<>(List.of(APP));
        for (String name : List.of("Factory", "Builder", "Create", "Jobs")) {
            sources.add(source("p." + name, """
                    package p;

                    import dev.jtc.Job;
                    import jakarta.inject.Inject;

                    @Job
                    final class %s {
                        @Inject %s() {}

                        void handle() {}
                    }
                    """.formatted(name, name)));
        }
        Compilation compilation = compileWithDagger(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        for (String method : List.of("Factory factoryJob();", "Builder builderJob();", "Create createJob();", "Jobs jobsJob();")) {
            assertThat(compilation).generatedSourceFile("p.ShopAppComponent").contentsAsUtf8String().contains(method);
        }
    }

    @Test
    void emptyNameMeansTheClassName() {
        JavaFileObject job = source("p.Ping", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "")
                final class Ping {
                    @Inject Ping() {}

                    void handle() {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.PingCodec").contentsAsUtf8String()
                .contains("JOB_NAME = \"Ping\"");
        assertThat(compilation).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String()
                .contains("public JobHandle ping() {");
    }

    @Test
    void classNameWithAccentsNeedsAnAsciiNameAndTheMessageSuggestsOne() {
        JavaFileObject job = source("p.Prüfung", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Prüfung {
                    @Inject Prüfung() {}

                    void handle() {}
                }
                """);
        assertOnlyError(compile(APP, job), "[jtc:invalid-name] job name \"Prüfung\" of p.Prüfung may only contain ASCII"
                + " letters, digits, '.', '_' and '-' (names become Redis keys): write name = \"Prufung\"", job, "@Job");
    }

    @Test
    void jobClassNamedLikeAGeneratedClass() {
        JavaFileObject job = source("p.ShopAppJobs", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class ShopAppJobs {
                    @Inject ShopAppJobs() {}

                    void handle(long id) {}
                }
                """);
        assertOnlyError(compile(APP, job),
                "[jtc:generated-name-taken] p.ShopAppJobs already exists, but jtc generates a class of that name for"
                        + " @JtcApplication p.ShopApp: rename p.ShopAppJobs, rename the application class (the generated"
                        + " classes are named after it), or move them with @JtcApplication(generatedPackage = \"...\")",
                APP, "@JtcApplication");
    }

    @Test
    void anyClassNamedLikeTheClassDaggerGeneratesFromTheComponent() {
        JavaFileObject clash = source("p.DaggerShopAppComponent", """
                package p;

                final class DaggerShopAppComponent {}
                """);
        JavaFileObject job = source("p.Ping", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Ping {
                    @Inject Ping() {}

                    void handle() {}
                }
                """);
        assertOnlyError(compile(APP, clash, job),
                "[jtc:generated-name-taken] p.DaggerShopAppComponent already exists", APP, "@JtcApplication");
    }

    @Test
    void classWithAGeneratedNameInAnotherPackageThanTheGeneratedOnesIsFine() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(generatedPackage = "p.generated")
                final class ShopApp {}
                """);
        JavaFileObject job = source("p.ShopAppWorker", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class ShopAppWorker {
                    @Inject public ShopAppWorker() {}

                    public void handle() {}
                }
                """);
        Compilation compilation = compileWithDagger(app, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.generated.ShopAppWorker");
    }

    @Test
    void codecNamesDoNotDependOnClassesAnEarlierBuildLeftOnTheClasspath(@TempDir Path earlierBuild) throws IOException {
        JavaFileObject mail = notifyJob("p.mail");
        JavaFileObject sms = notifyJob("p.sms");
        Compilation first = compileWithDagger(APP, mail, sms);
        assertThat(first).succeededWithoutWarnings();
        writeClasses(first, earlierBuild);

        List<File> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        classpath.add(earlierBuild.toFile());
        Compilation again = javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor(), new ComponentProcessor())
                .withOptions("-Xlint:all,-processing")
                .withClasspath(classpath)
                .compile(APP, mail, sms);
        assertThat(again).succeededWithoutWarnings();
        assertThat(again).generatedSourceFile("p.mail.NotifyCodec").contentsAsUtf8String().contains("\"mail-notify\"");
        assertThat(again).generatedSourceFile("p.sms.NotifyCodec").contentsAsUtf8String().contains("\"sms-notify\"");
        assertThat(again).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String().contains("public JobHandle mailNotify(String to) {");
    }

    private static JavaFileObject notifyJob(String packageName) {
        String lastSegment = packageName.substring(packageName.lastIndexOf('.') + 1);
        return source(packageName + ".Notify", """
                package %s;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "%s-notify")
                public final class Notify {
                    @Inject public Notify() {}

                    public void handle(String to) {}
                }
                """.formatted(packageName, lastSegment));
    }

    private static void writeClasses(Compilation compilation, Path directory) throws IOException {
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() != JavaFileObject.Kind.CLASS) {
                continue;
            }
            String path = file.toUri().getPath();
            Path target = directory.resolve(path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()));
            Files.createDirectories(target.getParent());
            try (InputStream in = file.openInputStream()) {
                Files.write(target, in.readAllBytes());
            }
        }
    }

    @Test
    void addingAJobWithAClashingSimpleNameRenamesNothingThatExists() {
        JavaFileObject x = handler("p.x", "x-handler");
        JavaFileObject y = handler("p.y", "y-handler");
        Compilation before = compileWithDagger(APP, x, y);
        assertThat(before).succeededWithoutWarnings();

        // A third Handler that sorts first: under the old positional names it took handler() from X.
        Compilation after = compileWithDagger(APP, x, y, handler("p.w", "w-handler"));
        assertThat(after).succeededWithoutWarnings();
        for (Compilation compilation : List.of(before, after)) {
            assertThat(compilation).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String()
                    .contains("public JobHandle xHandler(String to) {");
            assertThat(compilation).generatedSourceFile("p.ShopAppComponent").contentsAsUtf8String().contains("Handler xHandler();");
            assertThat(compilation).generatedSourceFile("p.ShopAppComponent").contentsAsUtf8String().contains("Handler yHandler();");
            assertThat(compilation).generatedSourceFile("p.x.HandlerCodec").contentsAsUtf8String().contains("JOB_NAME = \"x-handler\"");
        }
        assertThat(after).generatedSourceFile("p.ShopAppJobs").contentsAsUtf8String().contains("public JobHandle wHandler(String to) {");
        assertEquals(List.of("x-handler", "y-handler"), jobNames(before));
        assertEquals(List.of("w-handler", "x-handler", "y-handler"), jobNames(after));
    }

    private static JavaFileObject handler(String packageName, String name) {
        return source(packageName + ".Handler", """
                package %s;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(name = "%s")
                public final class Handler {
                    @Inject public Handler() {}

                    void handle(String to) {}
                }
                """.formatted(packageName, name));
    }

    /** The wire names of the dispatch table's cases, in the order the generated runner's {@code run} lists them. */
    private static List<String> jobNames(Compilation compilation) {
        String runner;
        try {
            runner = compilation.generatedSourceFile("p.ShopAppJobRunner").orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> names = new ArrayList<>();
        // run's switch comes first; validatePayload's repeats the jobs' names.
        for (String line : runner.substring(0, runner.indexOf(" validatePayload(")).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("case \"")) {
                names.add(trimmed.substring(6, trimmed.indexOf('"', 6)));
            }
        }
        return names;
    }
}
