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
 * jtc's annotation processor. It reads {@code @Job}, {@code @Cron}, {@code @Every} and
 * {@code @JtcApplication}, reports every mistake as a compile error on the exact annotation
 * value, and writes the application's payload codecs, typed dispatcher, dispatch table, schedule
 * registry, Dagger component and worker {@code main}.
 *
 * <p>It is an aggregating processor (declared for Gradle's incremental compilation) and never
 * lets an exception reach javac: a failure inside jtc becomes a {@code [jtc:internal-error]} with
 * its stack trace.
 */
@AutoService(Processor.class)
public final class JtcProcessor extends AbstractProcessor {

    private Diagnostics diagnostics;
    private ProcessingRounds rounds;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        diagnostics = new Diagnostics(environment.getMessager(), SourceOrder.of(environment));
        rounds = new ProcessingRounds(environment, diagnostics);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationNames.JOB, AnnotationNames.CRON, AnnotationNames.EVERY, AnnotationNames.APPLICATION);
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
