package dev.jtc.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Contributions;
import dev.jtc.processor.model.ModelReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code [jtc:too-many-jobs]}: an application past the limits. Compiling 8,000 real jobs to show it
 * would take minutes, so the validator is handed the contributions of that many jobs (one real job
 * and codec, named 8,001 ways) and its report is printed where the processor prints it.
 */
final class ApplicationLimitsTest {

    private static final JavaFileObject APP = JavaFileObjects.forSourceString("p.ShopApp", """
            package p;

            import dev.jtc.JtcApplication;

            @JtcApplication
            final class ShopApp {}
            """);

    private static final JavaFileObject JOB = JavaFileObjects.forSourceString("p.Ping", """
            package p;

            import dev.jtc.Job;
            import jakarta.inject.Inject;

            @Job
            public final class Ping {
                @Inject public Ping() {}

                void handle() {}
            }
            """);

    /** A stand-in for the codec jtc would write: the validator reads its encode method. */
    private static final JavaFileObject CODEC = JavaFileObjects.forSourceString("p.PingCodec", """
            package p;

            public final class PingCodec {
                public static String encode() {
                    return "{}";
                }
            }
            """);

    @Test
    void moreJobsThanOneDispatcherHolds() {
        Compilation compilation = validate(ApplicationValidator.MAX_JOBS + 1, 0);
        assertThat(compilation).hadErrorContaining("[jtc:too-many-jobs] @JtcApplication p.ShopApp has 8,001 jobs; one application"
                + " holds at most 8,000 (the generated ShopAppJobs lists them all, and a class file has room for 65,535 constants):"
                + " split it into two applications, each with its own @JtcApplication and queues")
                .inFile(APP).onLineContaining("@JtcApplication");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void moreJobsAndTasksThanDaggersComponentHolds() {
        Compilation compilation = validate(ApplicationValidator.MAX_JOBS, ApplicationValidator.MAX_JOBS_AND_TASKS - ApplicationValidator.MAX_JOBS + 1);
        assertThat(compilation).hadErrorContaining("[jtc:too-many-jobs] @JtcApplication p.ShopApp has 12,001 jobs and tasks; one"
                + " application holds at most 12,000 (Dagger's generated component makes each of them in one class")
                .inFile(APP).onLineContaining("@JtcApplication");
        assertThat(compilation).hadErrorCount(1);
    }

    /** Validates p.ShopApp with {@code jobs} contributions of p.Ping under distinct names and {@code tasks} further tasks. */
    private static Compilation validate(int jobs, int tasks) {
        AbstractProcessor validating = new AbstractProcessor() {
            @Override
            public Set<String> getSupportedAnnotationTypes() {
                return Set.of("dev.jtc.JtcApplication");
            }

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                if (round.processingOver()) {
                    return false;
                }
                var elements = processingEnv.getElementUtils();
                TypeElement app = elements.getTypeElement("p.ShopApp");
                TypeElement job = elements.getTypeElement("p.Ping");
                TypeElement codec = elements.getTypeElement("p.PingCodec");
                ApplicationDeclaration application = new ModelReader(elements, processingEnv.getTypeUtils()).application(app).orElseThrow();
                List<Contributions.Job> contributed = new ArrayList<>();
                for (int i = 0; i < jobs; i++) {
                    contributed.add(new Contributions.Job(job, job, codec, "ping-" + i, List.of(), List.of()));
                }
                List<String> taskNames = new ArrayList<>();
                for (int i = 0; i < tasks; i++) {
                    taskNames.add("task-" + i);
                }
                // The owner's tasks need methods to be named by; none match, so only the count is looked at.
                List<Contributions.Owner> owners = tasks == 0 ? List.of()
                        : List.of(new Contributions.Owner(job, job, codec, taskNames, taskNames));
                Report report = new ApplicationValidator(elements, processingEnv.getTypeUtils(), element -> true)
                        .validate(List.of(application), new Contributions(contributed, owners, List.of(), List.of()), Set.of(), false);
                for (Diagnostic diagnostic : report.diagnostics()) {
                    if (diagnostic.message() == Message.TOO_MANY_JOBS) {
                        processingEnv.getMessager().printMessage(diagnostic.kind(), diagnostic.text(), diagnostic.element(),
                                diagnostic.annotation());
                    }
                }
                return false;
            }
        };
        return javac().withProcessors(validating).compile(APP, JOB, CODEC);
    }
}
