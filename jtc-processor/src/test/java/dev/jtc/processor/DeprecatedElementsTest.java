package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.TestSources.APP;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Deprecating a job while its queued runs drain is normal work, and builds that treat warnings as
 * errors must keep compiling: the generated code that names deprecated user code says so, and
 * code that names nothing deprecated stays as it is.
 */
final class DeprecatedElementsTest {

    @Test
    void deprecatedJobPayloadTypesAndTaskCompileWithoutWarnings() {
        JavaFileObject job = source("p.OldExport", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import java.util.List;

                /** @deprecated replaced by NewExport; kept until queued exports have run. */
                @Deprecated
                @Job
                final class OldExport {
                    @Inject OldExport() {}

                    void handle(List<Format> formats, Options options) {}

                    /** @deprecated with the job. */
                    @Deprecated
                    enum Format { CSV, XLS }

                    /** @deprecated with the job. */
                    @Deprecated(forRemoval = true)
                    record Options(boolean zipped) {}
                }
                """);
        JavaFileObject tasks = source("p.Cleanup", """
                package p;

                import dev.jtc.Every;
                import jakarta.inject.Inject;

                final class Cleanup {
                    @Inject Cleanup() {}

                    /** @deprecated cleaned up by the database now. */
                    @Deprecated(forRemoval = true)
                    @Every("1h")
                    void purge() {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, job, tasks);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.OldExportCodec").contentsAsUtf8String()
                .contains("@SuppressWarnings({\"deprecation\", \"removal\"})\npublic final class OldExportCodec {");
        assertThat(compilation).generatedSourceFile("p.ShopAppJobRunner").contentsAsUtf8String()
                .contains("@SuppressWarnings({\"deprecation\", \"removal\"})\npublic final class ShopAppJobRunner");
    }

    @Test
    void deprecatedRecordAccessorIsCoveredToo() {
        JavaFileObject address = source("p.Address", """
                package p;

                public record Address(String street, String zip) {
                    /** @deprecated use the street line. */
                    @Deprecated
                    @Override
                    public String zip() {
                        return zip;
                    }
                }
                """);
        JavaFileObject job = source("p.Ship", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Ship {
                    @Inject Ship() {}

                    void handle(Address to) {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, address, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ShipCodec").contentsAsUtf8String()
                .contains("@SuppressWarnings(\"deprecation\")\npublic final class ShipCodec {");
    }

    @Test
    void codeThatNamesNothingDeprecatedSuppressesNothing() {
        JavaFileObject job = source("p.Ship", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Ship {
                    @Inject Ship() {}

                    void handle(String to) {}
                }
                """);
        Compilation compilation = compileWithDagger(APP, job);
        assertThat(compilation).succeededWithoutWarnings();
        for (String generated : new String[] {"p.ShipCodec", "p.ShopAppJobs", "p.ShopAppJobRunner", "p.ShopAppComponent",
                "p.ShopAppWorker"}) {
            assertThat(compilation).generatedSourceFile(generated).contentsAsUtf8String().doesNotContain("SuppressWarnings");
        }
    }

    @Test
    void deprecatedModuleTheApplicationPassesIn() {
        JavaFileObject app = source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @SuppressWarnings("deprecation") // the application's own use; the generated classes handle theirs
                @JtcApplication(modules = GreetingModule.class)
                final class ShopApp {}
                """);
        JavaFileObject module = source("p.GreetingModule", """
                package p;

                import dagger.Module;
                import dagger.Provides;

                /** @deprecated greetings move to the mail service. */
                @Deprecated
                @Module
                final class GreetingModule {
                    private final String text;

                    GreetingModule(String text) {
                        this.text = text;
                    }

                    @Provides
                    String greeting() {
                        return text;
                    }
                }
                """);
        JavaFileObject job = source("p.Greet", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;

                @Job
                final class Greet {
                    @Inject Greet(String greeting) {}

                    void handle() {}
                }
                """);
        Compilation compilation = compileWithDagger(app, module, job);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("p.ShopAppWorker").contentsAsUtf8String()
                .contains("@SuppressWarnings(\"deprecation\")\npublic final class ShopAppWorker {");
        assertThat(compilation).generatedSourceFile("p.GreetCodec").contentsAsUtf8String().doesNotContain("SuppressWarnings");
    }
}
