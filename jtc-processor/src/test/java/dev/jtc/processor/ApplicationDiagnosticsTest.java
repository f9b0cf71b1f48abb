package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.columnOf;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.lineOf;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @JtcApplication} diagnostics: none or two of them, a bad package, modules that are not modules. */
final class ApplicationDiagnosticsTest {

    private static final JavaFileObject JOB = source("p.SendEmail", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            final class SendEmail {
                @Inject SendEmail() {}

                void handle(long userId) {}
            }
            """);

    @Test
    void jobsWithoutAnApplication() {
        Compilation compilation = compile(JOB);
        assertThat(compilation).hadErrorContaining("[jtc:application] @Job class p.SendEmail uses jtc, but the compilation has no"
                + " @JtcApplication class").inFile(JOB).onLineContaining("final class SendEmail");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void twoApplications() {
        JavaFileObject second = source("p.OtherApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication
                final class OtherApp {}
                """);
        Compilation compilation = compile(APP, second, JOB);
        assertThat(compilation).hadErrorContaining("[jtc:application] p.ShopApp is a second @JtcApplication (the first is p.OtherApp)")
                .inFile(APP).onLineContaining("@JtcApplication");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void invalidGeneratedPackage() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(generatedPackage = "com.acme.1jobs")
                final class ShopApp {}
                """);
        Compilation compilation = compile(app, JOB);
        assertThat(compilation).hadErrorContaining("[jtc:application] generatedPackage = \"com.acme.1jobs\" on p.ShopApp is not a"
                        + " package name")
                .inFile(app).onLine(lineOf(app, "@JtcApplication")).atColumn(columnOf(app, "\"com.acme.1jobs\""));
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void moduleThatIsNotADaggerModule() {
        JavaFileObject notAModule = source("p.MailSettings", """
                package p;

                final class MailSettings {}
                """);
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(modules = {MailSettings.class})
                final class ShopApp {}
                """);
        Compilation compilation = compile(app, notAModule, JOB);
        assertThat(compilation).hadErrorContaining("[jtc:invalid-module] p.MailSettings is listed in @JtcApplication(modules = ...)"
                        + " but is not a Dagger module: annotate it with @dagger.Module")
                .inFile(app).onLine(lineOf(app, "@JtcApplication")).atColumn(columnOf(app, ".class"));
        assertThat(compilation).hadErrorCount(1);
    }
}
