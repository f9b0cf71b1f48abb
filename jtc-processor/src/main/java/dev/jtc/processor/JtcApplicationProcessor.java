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
 * jtc's application processor. In the compilation that holds the {@code @JtcApplication}, it
 * gathers every job and task contribution (written by {@link JtcProcessor} in this compilation,
 * in an earlier build of the module, or in a dependency jar), checks the application as a whole,
 * and writes its typed dispatcher, dispatch table, schedule registry, Dagger component and worker
 * {@code main}. In a compilation of only some classes of a module whose application was compiled
 * before, it finds the application in the class output and writes those classes again.
 *
 * <p>Aggregating in Gradle's terms. It never lets an exception reach javac.
 */
@AutoService(Processor.class)
public final class JtcApplicationProcessor extends AbstractProcessor {

    private Diagnostics diagnostics;
    private ApplicationRounds rounds;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        diagnostics = new Diagnostics(environment.getMessager(), SourceOrder.of(environment));
        rounds = new ApplicationRounds(environment, diagnostics);
    }

    /** The application, and what tells it that jobs and tasks are compiled now (so it waits for their markers). */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationNames.APPLICATION, AnnotationNames.JOB, AnnotationNames.CRON, AnnotationNames.EVERY,
                AnnotationNames.JOB_CONTRIBUTION, AnnotationNames.TASK_CONTRIBUTION, AnnotationNames.APPLICATION_CONTRIBUTION);
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
