package dev.jtc.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.jtc.processor.OnlyDiagnostic.assertOnlyError;
import static dev.jtc.processor.TestSources.compileWithDagger;
import static dev.jtc.processor.TestSources.source;

import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [jtc:missing-binding]}: a job's dependency that nothing provides is reported on the
 * job's constructor parameter, naming the job and the missing type, instead of by Dagger inside
 * the generated component. What jtc cannot be sure of is left to Dagger.
 */
final class MissingBindingTest {

    private static final JavaFileObject MAILER = source("p.Mailer", """
            package p;

            public interface Mailer {
                void send(String to);
            }
            """);

    private static final JavaFileObject JOB = source("p.SendMail", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            final class SendMail {
                private final Mailer mailer;

                @Inject SendMail(Mailer mailer) {
                    this.mailer = mailer;
                }

                void handle(String to) {
                    mailer.send(to);
                }
            }
            """);

    private static JavaFileObject app(String modules) {
        return source("p.ShopApp", """
                package p;

                import dev.jtc.JtcApplication;

                @JtcApplication(modules = {%s})
                final class ShopApp {}
                """.formatted(modules));
    }

    @Test
    void dependencyNothingProvidesIsReportedOnTheJobsConstructorParameter() {
        assertOnlyError(compileWithDagger(app(""), MAILER, JOB),
                "[jtc:missing-binding] @Job class p.SendMail cannot be made: its @Inject constructor needs p.Mailer (parameter"
                        + " 'mailer'), and nothing provides p.Mailer: give it an @Inject constructor, or add a @Provides (or"
                        + " @Binds) method for p.Mailer to one of the modules in @JtcApplication(modules = ...)",
                JOB, "@Inject SendMail(Mailer mailer)");
    }

    @Test
    void theMessageFollowsInjectConstructorsToWhatIsMissing() {
        JavaFileObject mailer = source("p.Mailer", """
                package p;

                import jakarta.inject.Inject;

                public final class Mailer {
                    @Inject Mailer(Transport transport) {}

                    void send(String to) {}
                }
                """);
        JavaFileObject transport = source("p.Transport", """
                package p;

                public interface Transport {}
                """);
        assertOnlyError(compileWithDagger(app(""), mailer, transport, JOB),
                "[jtc:missing-binding] @Job class p.SendMail cannot be made: its @Inject constructor needs p.Mailer (parameter"
                        + " 'mailer'), and nothing provides p.Transport, which p.Mailer needs: give it an @Inject constructor, or"
                        + " add a @Provides (or @Binds) method for p.Transport",
                JOB, "@Inject SendMail(Mailer mailer)");
    }

    @Test
    void aProviderOfAMissingTypeIsMissingToo() {
        JavaFileObject job = source("p.SendMail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import jakarta.inject.Provider;

                @Job
                final class SendMail {
                    @Inject SendMail(Provider<Mailer> mailer) {}

                    void handle(String to) {}
                }
                """);
        assertOnlyError(compileWithDagger(app(""), MAILER, job), "[jtc:missing-binding] @Job class p.SendMail cannot be made",
                job, "@Inject SendMail(Provider<Mailer> mailer)");
    }

    @Test
    void bindingsOfModulesIncludedModulesQualifiersAndTheRuntimeAreFound() {
        JavaFileObject named = source("p.Outbox", """
                package p;

                import dagger.Module;
                import dagger.Provides;
                import jakarta.inject.Named;

                @Module
                final class Outbox {
                    private Outbox() {}

                    @Provides @Named("outbox") static String address() {
                        return "outbox@example.com";
                    }
                }
                """);
        JavaFileObject mail = source("p.MailModule", """
                package p;

                import dagger.Module;
                import dagger.Provides;

                @Module(includes = Outbox.class)
                final class MailModule {
                    private MailModule() {}

                    @Provides static Mailer mailer() {
                        return to -> {};
                    }
                }
                """);
        JavaFileObject job = source("p.SendMail", """
                package p;

                import dev.jtc.Job;
                import dev.jtc.runtime.Dispatcher;
                import dev.jtc.runtime.Settings;
                import jakarta.inject.Inject;
                import jakarta.inject.Named;
                import jakarta.inject.Provider;
                import java.time.Clock;

                @Job
                final class SendMail {
                    @Inject SendMail(Provider<Mailer> mailer, @Named("outbox") String from, Dispatcher dispatcher, Clock clock,
                            Settings settings, Provider<ShopAppJobs> jobs) {}

                    void handle(String to) {}
                }
                """);
        assertThat(compileWithDagger(app("MailModule.class"), MAILER, named, mail, job)).succeededWithoutWarnings();
    }

    @Test
    void aQualifierNoModuleProvidesIsMissing() {
        JavaFileObject job = source("p.SendMail", """
                package p;

                import dev.jtc.Job;
                import jakarta.inject.Inject;
                import jakarta.inject.Named;

                @Job
                final class SendMail {
                    @Inject SendMail(@Named("replyTo") String replyTo) {}

                    void handle(String to) {}
                }
                """);
        assertOnlyError(compileWithDagger(app(""), job), "[jtc:missing-binding] @Job class p.SendMail cannot be made: its @Inject"
                + " constructor needs java.lang.String (parameter 'replyTo'), and nothing provides @jakarta.inject.Named(\"replyTo\")"
                + " java.lang.String", job, "@Named(\"replyTo\") String replyTo");
    }
}
