package dev.jtc.processor;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.CompilationFiles;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.ModelReader;
import dev.jtc.processor.model.OwnerDeclaration;
import dev.jtc.processor.validation.ClassValidator;
import dev.jtc.processor.validation.Diagnostic;
import dev.jtc.processor.validation.Message;
import dev.jtc.processor.validation.Report;
import dev.jtc.processor.writing.ClassSpecs;
import dev.jtc.processor.writing.JobSpec;
import dev.jtc.processor.writing.ScheduleSpec;
import dev.jtc.processor.writing.SourceWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@link JtcProcessor}'s work across rounds. Each {@code @Job} class and each class with
 * scheduled methods is validated on its own and, if clean, gets its codec or schedule and its
 * marker at once. A class whose payload names a type that does not resolve yet (another
 * processor may generate it) waits, round after round; the final round reports what never came.
 * Classes are remembered by name, never as {@code Element}s from an earlier round; classes that
 * javac read from class files (Gradle passes them for reprocessing) are left alone, since their
 * contributions already exist.
 */
final class ClassRounds {

    private final Elements elements;
    private final Diagnostics diagnostics;
    private final CompilationFiles files;
    private final ModelReader reader;
    private final ClassValidator validator;
    private final ClassSpecs specs;
    private final SourceWriter writer;

    private final Set<String> pendingJobs = new TreeSet<>();
    private final Set<String> pendingOwners = new TreeSet<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> sourceTypes = new HashSet<>();
    private final Set<String> written = new HashSet<>();

    ClassRounds(ProcessingEnvironment environment, Diagnostics diagnostics) {
        this.elements = environment.getElementUtils();
        this.diagnostics = diagnostics;
        this.files = new CompilationFiles(environment);
        this.reader = new ModelReader(elements, environment.getTypeUtils());
        this.validator = new ClassValidator(elements, environment.getTypeUtils(), files::fromSource);
        this.specs = new ClassSpecs(elements, files::sourceRelativeToClassOutput);
        this.writer = new SourceWriter(environment.getFiler());
    }

    void process(RoundEnvironment round) {
        for (Element root : round.getRootElements()) {
            if (root instanceof TypeElement type) {
                sourceTypes.add(type.getQualifiedName().toString());
            }
        }
        collect(round, AnnotationNames.JOB, pendingJobs, false);
        collect(round, AnnotationNames.CRON, pendingOwners, true);
        collect(round, AnnotationNames.EVERY, pendingOwners, true);
        checkOverlapOutsideJobs(round);
        boolean finalRound = round.processingOver();
        for (String name : List.copyOf(pendingJobs)) {
            TypeElement type = elements.getTypeElement(name);
            Optional<JobDeclaration> job = type == null ? Optional.empty() : read(type, () -> reader.job(type));
            if (job.isEmpty()) {
                pendingJobs.remove(name);
                continue;
            }
            Report report = validator.job(job.get(), userTypes(), finalRound);
            if (!report.waitingFor().isEmpty() && !report.hasErrors()) {
                continue;
            }
            pendingJobs.remove(name);
            print(report);
            if (!report.hasErrors()) {
                JobSpec spec = specs.job(job.get());
                writer.writeJob(spec);
                written.add(spec.codec().canonicalName());
            }
        }
        for (String name : List.copyOf(pendingOwners)) {
            pendingOwners.remove(name);
            TypeElement type = elements.getTypeElement(name);
            Optional<OwnerDeclaration> owner = type == null ? Optional.empty() : read(type, () -> reader.owner(type));
            if (owner.isEmpty()) {
                continue;
            }
            Report report = validator.owner(owner.get(), userTypes());
            print(report);
            if (!report.hasErrors()) {
                ScheduleSpec spec = specs.schedule(owner.get());
                writer.writeSchedule(spec);
                written.add(spec.schedule().canonicalName());
            }
        }
    }

    /** The top-level classes of the compilation so far, without those jtc wrote itself. */
    private Set<String> userTypes() {
        Set<String> types = new HashSet<>(sourceTypes);
        types.removeAll(written);
        return types;
    }

    /** Queues the classes annotated with {@code annotation} (or owning a method that is) that come from sources of this compilation. */
    private void collect(RoundEnvironment round, String annotation, Set<String> pending, boolean onMethods) {
        TypeElement annotationType = elements.getTypeElement(annotation);
        if (annotationType == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(annotationType)) {
            Element enclosing = onMethods ? element.getEnclosingElement() : element;
            if (!(enclosing instanceof TypeElement type) || !files.fromSource(element)) {
                continue;
            }
            String name = type.getQualifiedName().toString();
            if (name.isEmpty()) {
                // A local or anonymous class has no name to find it by in a later round, and no component can make it.
                diagnostics.error(Message.NOT_INJECTABLE, element, type,
                        "it is a local or anonymous class; make it a top-level or static nested class");
                continue;
            }
            if (seen.add((onMethods ? "owner " : "job ") + name)) {
                pending.add(name);
            }
        }
    }

    /** {@code @WithoutOverlapping} means something on a job only; a job's own checks read it there. */
    private void checkOverlapOutsideJobs(RoundEnvironment round) {
        TypeElement annotationType = elements.getTypeElement(AnnotationNames.WITHOUT_OVERLAPPING);
        if (annotationType == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(annotationType)) {
            if (element instanceof TypeElement type && files.fromSource(type) && !Mirrors.has(type, AnnotationNames.JOB)) {
                Mirrors.find(type, AnnotationNames.WITHOUT_OVERLAPPING)
                        .ifPresent(overlap -> print(validator.withoutOverlappingOutsideJob(type, overlap)));
            }
        }
    }

    private <T> Optional<T> read(TypeElement type, Supplier<Optional<T>> reading) {
        try {
            return reading.get();
        } catch (RuntimeException | Error e) {
            diagnostics.internalError(type, e);
            return Optional.empty();
        }
    }

    private void print(Report report) {
        for (Diagnostic diagnostic : report.diagnostics()) {
            diagnostics.print(diagnostic);
        }
    }
}
