package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.JobType;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Where the {@code @JtcApplication} class may sit and what it may be: the generated classes take
 * its simple name and its package (or {@code generatedPackage}), whatever kind of type carries it.
 */
final class ApplicationShapesTest {

    private static final JavaFileObject JOB = source("p.Ping", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            final class Ping {
                @Inject Ping() {}

                void handle(String from) {}
            }
            """);

    @Test
    void applicationNestedInAnotherClass() throws Exception {
        JavaFileObject app = source("p.Main", """
                package p;

                import dev.jtc.JtcApplication;

                final class Main {
                    @JtcApplication
                    static final class ShopApp {}

                    private Main() {}
                }
                """);
        Compilation compilation = compileWithDagger(app, JOB);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("ShopApp", definition(compilation, "p.ShopAppWorker").name());
    }

    @Test
    void applicationOnAnInterface() throws Exception {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication
                interface ShopApp {}
                """);
        Compilation compilation = compileWithDagger(app, JOB);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("Ping", definition(compilation, "p.ShopAppWorker").jobTypes().stream().map(JobType::name).findFirst().orElseThrow());
    }

    @Test
    void publicJobInAPackageWithoutTheApplication() throws Exception {
        JavaFileObject job = source("q.Ping", """
                package q;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class Ping {
                    @Inject public Ping() {}

                    public void handle(String from) {}
                }
                """);
        Compilation compilation = compileWithDagger(TestSources.APP, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertEquals("Ping", definition(compilation, "p.ShopAppWorker").jobTypes().get(0).name());
    }

    @Test
    void packagePrivateJobWhenTheGeneratedPackageIsAnother() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(generatedPackage = "p.generated")
                final class ShopApp {}
                """);
        Compilation compilation = compile(app, JOB);
        assertThat(compilation).hadErrorContaining(
                "[jtc:not-public] @Job class p.Ping is not public, but the generated classes are in package p.generated")
                .inFile(JOB).onLineContaining("@Job");
        // handle itself may stay package-private: the job's codec, beside it, calls it.
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void jobInTheUnnamedPackageWhileTheApplicationIsInANamedOne() {
        JavaFileObject job = source("Loose", """
                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class Loose {
                    @Inject public Loose() {}

                    public void handle() {}
                }
                """);
        assertOnlyError(compile(TestSources.APP, job),
                "[jtc:unnamed-package] @Job class Loose is in the unnamed package, which the generated classes in package p"
                        + " cannot refer to: move it to a package",
                job, "@Job");
    }

    private static AppDefinition definition(Compilation compilation, String worker) throws ReflectiveOperationException {
        return (AppDefinition) new CompiledClasses(compilation).load(worker).getMethod("definition").invoke(null);
    }
}
