package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyErrorAt;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compile;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The {@code @JtcApplication} diagnostics: two of them, one with nothing to run, a bad package, modules that are not modules. */
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
    void jobsWithoutAnApplicationCompileAsALibrary() {
        Compilation compilation = compile(JOB);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.SendEmailCodec");
        assertThat(compilation).generatedSourceFile("dev.jtc.contributions.p_SendEmail_Job")
                .contentsAsUtf8String().contains("parameters = {\"userId\"}");
    }

    @Test
    void applicationWithoutJobsOrTasksIsWarnedAbout() {
        Compilation compilation = compileWithDagger(APP);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[jtc:no-jobs] @JtcApplication p.ShopApp has no jobs and no scheduled tasks")
                .inFile(APP).onLineContaining("@JtcApplication");
        assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void twoApplications() {
        JavaFileObject second = source("p.OtherApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication
                final class OtherApp {}
                """);
        assertOnlyError(compile(APP, second, JOB),
                "[jtc:application] p.ShopApp is a second @JtcApplication (the first is p.OtherApp)", APP, "@JtcApplication");
    }

    @Test
    void invalidGeneratedPackage() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(generatedPackage = "com.acme.1jobs")
                final class ShopApp {}
                """);
        assertOnlyErrorAt(compile(app, JOB),
                "[jtc:application] generatedPackage = \"com.acme.1jobs\" on p.ShopApp is not a package name",
                app, "@JtcApplication", "\"com.acme.1jobs\"");
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
        assertOnlyErrorAt(compile(app, notAModule, JOB),
                "[jtc:invalid-module] p.MailSettings is listed in @JtcApplication(modules = ...)"
                        + " but is not a Dagger module: annotate it with @dagger.Module",
                app, "@JtcApplication", ".class");
    }

    @Test
    void primitiveClassLiteralAsAModule() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(modules = int.class)
                final class ShopApp {}
                """);
        assertOnlyErrorAt(compile(app, JOB),
                "[jtc:invalid-module] int is listed in @JtcApplication(modules = ...) but is not a Dagger module",
                app, "@JtcApplication", ".class");
    }

    @Test
    void moduleThatDoesNotExistIsLeftToJavac() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(modules = MailModul.class)
                final class ShopApp {}
                """);
        Compilation compilation = compile(app, JOB);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(app).onLineContaining("MailModul.class");
        assertThat(compilation).hadErrorContaining("[jtc:invalid-module] a class listed in @JtcApplication(modules = ...)"
                + " on p.ShopApp does not exist").inFile(app).onLineContaining("MailModul.class");
        assertThat(compilation).hadErrorCount(2);
    }
}
