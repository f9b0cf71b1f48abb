package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.jtc.runtime.AppDefinition;
import dev.jtc.runtime.Dispatcher;
import dev.jtc.runtime.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code handle} a job inherits: from a generic base class (its type arguments filled in), or
 * as an interface's default method. It works when the job's codec, beside the job, can call it and
 * its parameter names are known; otherwise the error says why and what to write.
 */
final class InheritedHandleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void handleInheritedFromAGenericBaseClassTakesTheTypeArgument() throws Exception {
        JavaFileObject base = source("p.Importer", """
                package p;

                import java.util.List;
                import java.util.concurrent.CopyOnWriteArrayList;

                public abstract class Importer<T> {
                    public static final List<String> IMPORTED = new CopyOnWriteArrayList<>();

                    public void handle(T row, int attempt) {
                        IMPORTED.add(getClass().getSimpleName() + " " + row + " " + attempt);
                    }
                }
                """);
        JavaFileObject job = source("p.ImportOrders", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                public final class ImportOrders extends Importer<String> {
                    @Inject ImportOrders() {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, base, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ImportOrdersCodec").contentsAsUtf8String()
                .contains("public static String encode(String row, int attempt) {");

        CompiledClasses classes = new CompiledClasses(compilation);
        CapturingDispatcher dispatcher = new CapturingDispatcher();
        Object jobs = classes.load("p.ShopAppJobs").getConstructor(Dispatcher.class).newInstance(dispatcher);
        jobs.getClass().getMethod("importOrders", String.class, int.class).invoke(jobs, "row-1", 2);
        assertEquals("{\"row\":\"row-1\",\"attempt\":2}", dispatcher.payloads.get(0));
        AppDefinition definition = (AppDefinition) classes.load("p.ShopAppWorker").getMethod("definition").invoke(null);
        definition.runnerFactory().create(dispatcher, CLOCK, Settings.empty())
                .run("ImportOrders", dispatcher.payloads.get(0), new FixedJobContext("ImportOrders", CLOCK.instant()));
        assertEquals(List.of("ImportOrders row-1 2"), classes.load("p.Importer").getField("IMPORTED").get(null));
    }

    @Test
    void handleAsAnInterfacesDefaultMethod() {
        JavaFileObject contract = source("p.Pinger", """
                package p;

                public interface Pinger {
                    default void handle(String host) {}
                }
                """);
        JavaFileObject job = source("p.Ping", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Ping implements Pinger {
                    @Inject Ping() {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, contract, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.PingCodec").contentsAsUtf8String().contains("job.handle(p.host());");
    }

    @Test
    void abstractInheritedHandleNamesTheClassToImplementItIn() {
        JavaFileObject base = source("p.Base", """
                package p;

                public abstract class Base {
                    public abstract void handle(String text);
                }
                """);
        JavaFileObject job = source("p.Echo", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                abstract class Echo extends Base {
                    @Inject Echo() {}
                }
                """);
        Compilation compilation = compile(APP, base, job);
        assertThat(compilation).hadErrorContaining("[jtc:handle-method] @Job class p.Echo inherits handle(...) from p.Base,"
                + " where it is abstract: implement handle in Echo").inFile(job).onLineContaining("@Job");
    }

    @Test
    void inheritedHandleTheCodecCannotCallSaysToMakeItPublic() {
        JavaFileObject base = source("q.Base", """
                package q;

                public abstract class Base {
                    void handle(String text) {}
                }
                """);
        JavaFileObject job = source("p.Echo", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Echo extends q.Base {
                    @Inject Echo() {}
                }
                """);
        assertOnlyError(compile(APP, base, job), "[jtc:handle-method] @Job class p.Echo inherits handle(...) from q.Base"
                + " in another package, where it is not public, so the job's codec cannot call it: make it public there, or"
                + " override handle in Echo", job, "@Job");
    }

    @Test
    void protectedInheritedHandleInAnotherPackageIsNotCallableFromTheCodec() {
        JavaFileObject base = source("q.Base", """
                package q;

                public abstract class Base {
                    protected void handle(String text) {}
                }
                """);
        JavaFileObject job = source("p.Echo", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Echo extends q.Base {
                    @Inject Echo() {}
                }
                """);
        assertOnlyError(compile(APP, base, job), "[jtc:handle-method] @Job class p.Echo inherits handle(...) from q.Base"
                + " in another package, where it is not public, so the job's codec cannot call it: make it public there, or"
                + " override handle in Echo", job, "@Job");
    }

    @Test
    void inheritedHandleFromAClassFileWithoutParameterNamesAsksForThem(@TempDir Path root) {
        Path librarySources = root.resolve("lib");
        RealJavac.write(librarySources, "lib.Importer", """
                package lib;

                public abstract class Importer {
                    public void handle(String row) {}
                }
                """);
        assertTrue(RealJavac.compile(RealJavac.sourcesIn(librarySources), root.resolve("lib-classes"), root.resolve("lib-generated"),
                List.of(), "-g:none").success());
        Path appSources = root.resolve("app");
        RealJavac.write(appSources, "app.ShopApp", """
                package app;

                import dev.jtc.JtcApplication;

                @JtcApplication
                final class ShopApp {}
                """);
        RealJavac.write(appSources, "app.ImportRows", """
                package app;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class ImportRows extends lib.Importer {
                    @Inject ImportRows() {}
                }
                """);
        RealJavac.Result result = RealJavac.compile(RealJavac.sourcesIn(appSources), root.resolve("app-classes"),
                root.resolve("app-generated"), List.of(root.resolve("lib-classes")));
        assertEquals(List.of("ERROR: [jtc:handle-method] @Job class app.ImportRows inherits handle(...) from lib.Importer, whose"
                + " class file has no parameter names, and the payload's fields are named after them: compile lib.Importer with"
                + " -parameters, or override handle in ImportRows (ImportRows.java:6)"), result.errors());
    }
}
