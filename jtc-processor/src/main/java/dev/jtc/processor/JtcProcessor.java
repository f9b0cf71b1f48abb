package dev.jtc.processor;

import com.google.auto.service.AutoService;
import dev.jtc.processor.model.AnnotationNames;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * jtc's per-class processor. For each {@code @Job} class and each class with {@code @Cron} or
 * {@code @Every} methods compiled now, it reports every mistake as a compile error on the exact
 * annotation value, and writes what depends on that class alone: the job's codec or the class's
 * schedule, and a contribution marker from which {@link JtcApplicationProcessor} builds the
 * application, in this compilation or a later one.
 *
 * <p>Isolating in Gradle's terms (each file it writes depends on one class). It never lets an
 * exception reach javac: a failure inside jtc becomes a {@code [jtc:internal-error]} with its
 * stack trace.
 */
@AutoService(Processor.class)
public final class JtcProcessor extends AbstractProcessor {

    private Diagnostics diagnostics;
    private ClassRounds rounds;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        diagnostics = new Diagnostics(environment.getMessager(), SourceOrder.of(environment));
        rounds = new ClassRounds(environment, diagnostics);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationNames.JOB, AnnotationNames.CRON, AnnotationNames.EVERY, AnnotationNames.WITHOUT_OVERLAPPING);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            rounds.process(round);
        } catch (RuntimeException | Error e) {
            diagnostics.internalError(null, e);
        } finally {
            diagnostics.flush();
        }
        return false;
    }
}
