package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobLimits;
import dev.jtc.runtime.JobRunner;
import dev.jtc.runtime.JobType;
import dev.jtc.runtime.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compiles the middleware test application ({@code apps/middleware}) with jtc and Dagger and runs
 * its dispatch table: every job and task runs inside the application's middleware, then the job's
 * own, in the order written; the codecs' job types carry the declared limits. A table split into
 * parts reaches its middleware as well.
 */
final class MiddlewareRunsTest {

    private static final String FLEET = "com.acme.fleet.";
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

    private static CompiledClasses classes;

    @BeforeAll
    static void compileTheMiddlewareApplication() {
        Compilation compilation = TestApps.compile("middleware");
        assertThat(compilation).succeededWithoutWarnings();
        classes = new CompiledClasses(compilation);
    }

    @BeforeEach
    void emptyTheTrail() throws ReflectiveOperationException {
        events(classes, FLEET + "Trail").clear();
    }

    @Test
    void jobRunsInsideTheApplicationsMiddlewareThenItsOwnInOrder() throws Exception {
        String payload = (String) classes.load(FLEET + "ShipOrderCodec").getMethod("encode", long.class).invoke(null, 42L);
        runner().run("ship-order", payload, new FixedJobContext("ship-order", Instant.EPOCH));
        assertEquals(List.of("tracing ship-order at 1970-01-01T00:00:00Z", "audit {\"orderId\":42}", "ship 42 attempt 1"),
                events(classes, FLEET + "Trail"));
    }

    @Test
    void jobWithoutMiddlewareOfItsOwnRunsInsideTheApplicationsAlone() throws Exception {
        runner().run("RebuildIndex", "{}", new FixedJobContext("RebuildIndex", Instant.EPOCH));
        assertEquals(List.of("tracing RebuildIndex at 1970-01-01T00:00:00Z", "rebuild"), events(classes, FLEET + "Trail"));
    }

    @Test
    void taskTicksRunInsideTheApplicationsMiddleware() throws Exception {
        runner().run("Maintenance.healthCheck", "{}", new FixedJobContext("Maintenance.healthCheck", Instant.EPOCH));
        assertEquals(List.of("tracing Maintenance.healthCheck at 1970-01-01T00:00:00Z", "healthy"), events(classes, FLEET + "Trail"));
    }

    @Test
    void codecsCarryTheDeclaredLimits() throws Exception {
        assertEquals(JobLimits.NONE.withMaxConcurrency(5).withRate(100, Duration.ofMinutes(1)).withLimitKey("customerId")
                .withoutOverlapping("orderId"), jobType(FLEET + "ChargeCardCodec").limits());
        assertEquals(new JobLimits(0, 5, Duration.ofSeconds(30), "", true, ""), jobType(FLEET + "RebuildIndexCodec").limits());
        assertEquals(JobLimits.NONE, jobType(FLEET + "ShipOrderCodec").limits());
    }

    @Test
    void tableSplitIntoPartsReachesItsMiddlewareThroughTheRunner() throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        sources.add(source("p.BigApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(middleware = Counting.class)
                final class BigApp {}
                """));
        // Package-private, with the implicit constructor: the generated table in p can call it.
        sources.add(source("p.Counting", """
                package p;

                import dev.jtc.runtime.Attempt;
                import dev.jtc.runtime.JobMiddleware;
                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                final class Counting implements JobMiddleware {
                    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

                    @Override
                    public void handle(Attempt attempt) throws Exception {
                        EVENTS.add("counting " + attempt.name());
                        attempt.proceed();
                    }
                }
                """));
        // 101 jobs: one more than a table of one switch holds.
        for (int i = 0; i <= 100; i++) {
            sources.add(source("p.Job" + i, """
                    package p;

                    import dev.jtc.Job;
                    import jakarta.inject.Inject;

                    @Job
                    final class Job%1$d {
                        @Inject Job%1$d() {}

                        void handle(long n) {
                            Counting.EVENTS.add("job%1$d " + n);
                        }
                    }
                    """.formatted(i)));
        }
        Compilation compilation = compileWithDagger(sources.toArray(JavaFileObject[]::new));
        assertThat(compilation).succeededWithoutWarnings();
        String runner = content(compilation.generatedSourceFile("p.BigAppJobRunner").orElseThrow());
        assertTrue(runner.contains("case 0 -> Part0.run(this, component, name, payload, context);"), runner);
        assertTrue(runner.contains("case \"Job7\" -> Middleware.run(context, payload, () -> Job7Codec.run(component.job7(), payload,"
                + " context), runner.counting);"), runner);

        CompiledClasses big = new CompiledClasses(compilation);
        AppDefinition definition = (AppDefinition) big.load("p.BigAppWorker").getMethod("definition").invoke(null);
        definition.runnerFactory().create(new CapturingDispatcher(), CLOCK, Settings.empty())
                .run("Job7", "{\"n\":3}", new FixedJobContext("Job7", Instant.EPOCH));
        assertEquals(List.of("counting Job7", "job7 3"), events(big, "p.Counting"));
    }

    private static JobRunner runner() throws ReflectiveOperationException {
        AppDefinition definition = (AppDefinition) classes.load(FLEET + "FleetAppWorker").getMethod("definition").invoke(null);
        return definition.runnerFactory().create(new CapturingDispatcher(), CLOCK, Settings.empty());
    }

    private static JobType jobType(String codec) throws ReflectiveOperationException {
        return (JobType) classes.load(codec).getField("TYPE").get(null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(CompiledClasses loaded, String owner) throws ReflectiveOperationException {
        var field = loaded.load(owner).getDeclaredField("EVENTS");
        field.setAccessible(true);
        return (List<String>) field.get(null);
    }

    private static String content(JavaFileObject file) {
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
