package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.lineOf;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import dev.jtc.Job;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every middleware diagnostic, on the class literal in {@code @Job(middleware = ...)} or
 * {@code @JtcApplication(middleware = ...)} that names the class: its line and column.
 */
final class MiddlewareDiagnosticsTest {

    /** A job in package p listing {@code middleware}. */
    private static JavaFileObject job(String middleware) {
        return source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import dev.jtc.runtime.middleware.LogAttempts;
                import jakarta.inject.Inject;

                @Job(middleware = %s)
                final class SendEmail {
                    @Inject SendEmail() {}

                    void handle(long userId) {}
                }
                """.formatted(middleware));
    }

    /** A class {@code p.<name>} with {@code code} as its declaration. */
    private static JavaFileObject type(String name, String code) {
        return source("p." + name, """
                package p;

                import dev.jtc.runtime.Attempt;
                import dev.jtc.runtime.JobMiddleware;
                import jakarta.inject.Inject;

                """ + code);
    }

    @Test
    void classThatIsNoMiddleware() {
        JavaFileObject helper = type("Helper", "final class Helper {}\n");
        JavaFileObject job = job("Helper.class");
        assertOnlyErrorAt(compile(APP, job, helper), "[jtc:invalid-middleware] p.Helper is listed in @Job(middleware = ...) on"
                + " p.SendEmail but does not implement dev.jtc.runtime.JobMiddleware: implement it (public void handle(Attempt"
                + " attempt) throws Exception), or remove it from middleware", job, "@Job(", ".class");
    }

    @Test
    void abstractMiddleware() {
        JavaFileObject base = type("Base", "abstract class Base implements JobMiddleware {}\n");
        JavaFileObject job = job("Base.class");
        assertOnlyErrorAt(compile(APP, job, base), "[jtc:invalid-middleware] p.Base is listed in @Job(middleware = ...) on"
                + " p.SendEmail, but the dispatch table cannot make it: it is abstract; list a concrete subclass, or make it"
                + " concrete", job, "@Job(", ".class");
    }

    @Test
    void interfaceAsMiddleware() {
        JavaFileObject hook = type("Hook", "interface Hook extends JobMiddleware {}\n");
        JavaFileObject job = job("Hook.class");
        assertOnlyErrorAt(compile(APP, job, hook), "[jtc:invalid-middleware] p.Hook is listed in @Job(middleware = ...) on"
                + " p.SendEmail, but the dispatch table cannot make it: it is an interface; list a class that implements it",
                job, "@Job(", ".class");
    }

    @Test
    void middlewareWithoutAConstructorTheTableCanCall() {
        JavaFileObject audit = type("Audit", """
                final class Audit implements JobMiddleware {
                    Audit(String name) {}

                    @Override
                    public void handle(Attempt attempt) throws Exception {
                        attempt.proceed();
                    }
                }
                """);
        JavaFileObject job = job("Audit.class");
        assertOnlyErrorAt(compile(APP, job, audit), "[jtc:invalid-middleware] p.Audit is listed in @Job(middleware = ...) on"
                + " p.SendEmail, but the dispatch table cannot make it: it has neither an @Inject constructor (the component"
                + " makes it) nor a no-argument constructor (the dispatch table calls it); add @Inject to the constructor Dagger"
                + " should call, or add public Audit() {}", job, "@Job(", ".class");
    }

    @Test
    void middlewareListedTwice() {
        JavaFileObject job = job("{LogAttempts.class, LogAttempts.class}");
        Compilation compilation = compile(APP, job);
        String line = "@Job(middleware = {LogAttempts.class, LogAttempts.class})";
        assertThat(compilation).hadErrorContaining("[jtc:invalid-middleware] dev.jtc.runtime.middleware.LogAttempts is listed twice"
                        + " in @Job(middleware = ...) on p.SendEmail: each middleware runs once around an attempt; remove the second")
                .inFile(job).onLine(lineOf(job, line)).atColumn(line.lastIndexOf(".class") + 1);
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void middlewareTheGeneratedPackageCannotSee() {
        JavaFileObject audit = type("Audit", """
                final class Audit implements JobMiddleware {
                    @Override
                    public void handle(Attempt attempt) throws Exception {
                        attempt.proceed();
                    }
                }
                """);
        JavaFileObject job = source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(middleware = Audit.class)
                public final class SendEmail {
                    @Inject public SendEmail() {}

                    void handle(long userId) {}
                }
                """);
        JavaFileObject app = source("app.ShopApp", """
                package app;

                import dev.jtc.JtcApplication;

                @JtcApplication
                final class ShopApp {}
                """);
        assertOnlyErrorAt(compile(app, job, audit), "[jtc:not-public] middleware p.Audit, listed in @Job(middleware = ...) on"
                + " p.SendEmail, is not public, but the generated classes are in package app and must call it: make it public",
                job, "@Job(", ".class");
    }

    @Test
    void applicationMiddlewareThatIsNoMiddleware() {
        JavaFileObject helper = type("Helper", "final class Helper {}\n");
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(middleware = Helper.class)
                final class ShopApp {}
                """);
        JavaFileObject job = job("{}");
        assertOnlyErrorAt(compile(app, job, helper), "[jtc:invalid-middleware] p.Helper is listed in @JtcApplication(middleware ="
                + " ...) on p.ShopApp but does not implement dev.jtc.runtime.JobMiddleware", app, "@JtcApplication(", ".class");
    }

    @Test
    void middlewareThatDoesNotExistIsLeftToJavac() {
        JavaFileObject job = job("Auditing.class");
        Compilation compilation = compile(APP, job);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(job).onLineContaining("Auditing.class");
        assertThat(compilation).hadErrorContaining("[jtc:invalid-middleware] a class listed in @Job(middleware = ...) on"
                + " p.SendEmail does not exist: correct its name or its import, or remove it from middleware")
                .inFile(job).onLineContaining("Auditing.class");
        assertThat(compilation).hadErrorCount(2);
    }

    @Test
    void middlewareWithoutTheRuntimeOnTheClassPath() throws URISyntaxException {
        JavaFileObject helper = source("p.Helper", """
                package p;

                final class Helper {}
                """);
        JavaFileObject job = source("p.SendEmail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job(middleware = Helper.class)
                final class SendEmail {
                    @Inject SendEmail() {}

                    void handle(long userId) {}
                }
                """);
        // A library module that has jtc-annotations but not jtc-runtime: only the annotations and jakarta.inject.
        List<File> classpath = List.of(new File(Job.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                new File(Inject.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        Compilation compilation = javac().withProcessors(new JtcProcessor(), new JtcApplicationProcessor())
                .withClasspath(classpath)
                .compile(job, helper);
        assertOnlyErrorAt(compilation, "[jtc:invalid-middleware] @Job(middleware = ...) on p.SendEmail lists middleware, but"
                + " dev.jtc.runtime.JobMiddleware is not on the compile class path: add the jtc-runtime dependency to this module,"
                + " or remove middleware", job, "@Job(", ".class");
    }

    @Test
    void middlewareWithAnInjectConstructorOrAPublicOneCompilesCleanly() {
        JavaFileObject audit = type("Audit", """
                public final class Audit implements JobMiddleware {
                    @Inject
                    Audit() {}

                    @Override
                    public void handle(Attempt attempt) throws Exception {
                        attempt.proceed();
                    }
                }
                """);
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;
                import dev.jtc.runtime.middleware.LogAttempts;

                @JtcApplication(middleware = LogAttempts.class)
                final class ShopApp {}
                """);
        assertThat(compileWithDagger(app, job("{LogAttempts.class, Audit.class}"), audit)).succeededWithoutWarnings();
    }
}
