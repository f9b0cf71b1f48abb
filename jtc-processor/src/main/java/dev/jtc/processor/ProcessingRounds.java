package dev.jtc.processor;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.CompilationModel;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.ModelReader;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.CodecNames;
import dev.jtc.processor.validation.Diagnostic;
import dev.jtc.processor.validation.Message;
import dev.jtc.processor.validation.Report;
import dev.jtc.processor.validation.Validator;
import dev.jtc.processor.writing.SourceWriter;
import dev.jtc.processor.writing.SpecBuilder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * jtc's work across annotation-processing rounds. Classes are remembered by name, never as
 * {@code Element}s from an earlier round.
 *
 * <p>In a round that brings new jobs, each job's codec is written at once (it depends on that job
 * alone), which also guarantees javac another round. The aggregate classes (registry, dispatch
 * table, dispatcher, component, worker) are written in the first round that brings nothing new,
 * so they see every job, and never in the final round, so Dagger still processes the component.
 * A round that brings new elements but no new codec (an application with scheduled tasks only)
 * writes the aggregates right away: waiting would make the next round the final one.
 */
final class ProcessingRounds {

    private final Elements elements;
    private final Diagnostics diagnostics;
    private final ModelReader reader;
    private final Validator validator;
    private final SpecBuilder specs;
    private final SourceWriter writer;

    private final Set<String> applicationNames = new TreeSet<>();
    private final Set<String> jobNames = new TreeSet<>();
    private final Set<String> ownerNames = new TreeSet<>();
    private final Set<String> codecsWritten = new HashSet<>();
    private boolean aggregatesPending;
    private boolean aggregatesWritten;

    ProcessingRounds(ProcessingEnvironment environment, Diagnostics diagnostics) {
        this.elements = environment.getElementUtils();
        this.diagnostics = diagnostics;
        this.reader = new ModelReader(elements);
        this.validator = new Validator(elements);
        this.specs = new SpecBuilder(elements, new CodecNames());
        this.writer = new SourceWriter(environment.getFiler());
    }

    void process(RoundEnvironment round) {
        List<Element> arrivals = collect(round);
        if (!arrivals.isEmpty()) {
            if (aggregatesWritten) {
                arrivals.forEach(element -> diagnostics.error(Message.LATE_ELEMENT, element, element));
                return;
            }
            aggregatesPending = true;
            CompilationModel model = read();
            print(validator.validate(model, false));
            if (diagnostics.hadErrors()) {
                return;
            }
            boolean wroteCodec = writeCodecs(model);
            if (!wroteCodec) {
                finish();
            }
            return;
        }
        if (aggregatesPending) {
            finish();
        }
    }

    /** Validates the whole compilation and, if it is clean, writes the remaining codecs and the aggregates. */
    private void finish() {
        aggregatesPending = false;
        CompilationModel model = read();
        print(validator.validate(model, true));
        if (diagnostics.hadErrors() || model.applications().size() != 1) {
            return;
        }
        writeCodecs(model);
        writer.writeApplication(specs.application(model));
        aggregatesWritten = true;
    }

    /** Writes the codec of every job that has none yet; true if it wrote any. */
    private boolean writeCodecs(CompilationModel model) {
        if (model.applications().size() != 1) {
            return false;
        }
        GeneratedNames names = specs.names(model.applications().get(0));
        boolean wrote = false;
        for (JobDeclaration job : model.jobs()) {
            if (codecsWritten.add(job.qualifiedName())) {
                writer.writeCodec(specs.job(job, names));
                wrote = true;
            }
        }
        return wrote;
    }

    private CompilationModel read() {
        return reader.read(applicationNames, jobNames, ownerNames, diagnostics::internalError);
    }

    private void print(Report report) {
        for (Diagnostic diagnostic : report.diagnostics()) {
            diagnostics.print(diagnostic);
        }
    }

    /** Remembers the names of this round's annotated classes; returns the elements that were new. */
    private List<Element> collect(RoundEnvironment round) {
        List<Element> arrivals = new ArrayList<>();
        for (Element element : annotated(round, AnnotationNames.APPLICATION)) {
            remember(element, (TypeElement) element, applicationNames, arrivals);
        }
        for (Element element : annotated(round, AnnotationNames.JOB)) {
            remember(element, (TypeElement) element, jobNames, arrivals);
        }
        for (String scheduled : List.of(AnnotationNames.CRON, AnnotationNames.EVERY)) {
            for (Element method : annotated(round, scheduled)) {
                remember(method, (TypeElement) method.getEnclosingElement(), ownerNames, arrivals);
            }
        }
        return arrivals;
    }

    private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
        TypeElement type = elements.getTypeElement(annotation);
        return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
    }

    private void remember(Element annotated, TypeElement type, Set<String> names, List<Element> arrivals) {
        String name = type.getQualifiedName().toString();
        if (name.isEmpty()) {
            // A local or anonymous class has no name to find it by in a later round, and no component can make it.
            diagnostics.error(Message.NOT_INJECTABLE, annotated, type,
                    "it is a local or anonymous class; make it a top-level or static nested class");
            return;
        }
        if (names.add(name)) {
            arrivals.add(annotated);
        }
    }
}
