package dev.jtc.processor.model;

import dev.jtc.processor.model.TaskDeclaration.TaskKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the classes jtc remembered by name (across rounds) into a {@link CompilationModel}. Each
 * class is read on its own: one that makes the reader fail is handed to {@code onFailure} and the
 * others are still read, so one bad class never hides the errors of the rest.
 */
public final class ModelReader {

    private final Elements elements;
    private final Mirrors mirrors;

    public ModelReader(Elements elements) {
        this.elements = elements;
        this.mirrors = new Mirrors(elements);
    }

    /** @param sourceTypes see {@link CompilationModel#sourceTypes()} */
    public CompilationModel read(
            Collection<String> applicationNames,
            Collection<String> jobNames,
            Collection<String> ownerNames,
            Set<String> sourceTypes,
            BiConsumer<Element, Throwable> onFailure) {
        List<ApplicationDeclaration> applications =
                readAnnotated(applicationNames, AnnotationNames.APPLICATION, this::application, onFailure);
        List<JobDeclaration> jobs = readAnnotated(jobNames, AnnotationNames.JOB, this::job, onFailure);
        List<TaskDeclaration> tasks = new ArrayList<>();
        for (TypeElement owner : resolve(ownerNames)) {
            for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
                try {
                    task(owner, method, TaskKind.CRON, Mirrors.find(method, AnnotationNames.CRON)).ifPresent(tasks::add);
                    task(owner, method, TaskKind.EVERY, Mirrors.find(method, AnnotationNames.EVERY)).ifPresent(tasks::add);
                } catch (RuntimeException | Error e) {
                    onFailure.accept(method, e);
                }
            }
        }
        tasks.sort(Comparator.comparing((TaskDeclaration task) -> task.owner().getQualifiedName().toString())
                .thenComparing(task -> task.method().getSimpleName().toString())
                .thenComparing(TaskDeclaration::kind));
        return new CompilationModel(applications, jobs, tasks, sourceTypes);
    }

    /** Reads each named class that carries {@code annotation}; a class whose reading fails goes to {@code onFailure}. */
    private <T> List<T> readAnnotated(Collection<String> names, String annotation,
            BiFunction<TypeElement, AnnotationMirror, T> reader, BiConsumer<Element, Throwable> onFailure) {
        List<T> declarations = new ArrayList<>();
        for (TypeElement type : resolve(names)) {
            try {
                Mirrors.find(type, annotation).ifPresent(mirror -> declarations.add(reader.apply(type, mirror)));
            } catch (RuntimeException | Error e) {
                onFailure.accept(type, e);
            }
        }
        return declarations;
    }

    /** The classes behind the names, sorted by name; a name that no longer resolves is skipped. */
    private List<TypeElement> resolve(Collection<String> names) {
        List<TypeElement> types = new ArrayList<>();
        for (String name : new TreeSet<>(names)) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                types.add(type);
            }
        }
        return types;
    }

    private ApplicationDeclaration application(TypeElement type, AnnotationMirror mirror) {
        return new ApplicationDeclaration(type, mirror, mirrors.types(mirror, "modules"), mirrors.string(mirror, "generatedPackage"));
    }

    private JobDeclaration job(TypeElement type, AnnotationMirror mirror) {
        List<ExecutableElement> handles = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals("handle")) {
                handles.add(method);
            }
        }
        return new JobDeclaration(
                type,
                mirror,
                mirrors.string(mirror, "name"),
                mirrors.string(mirror, "queue"),
                mirrors.integer(mirror, "retries"),
                mirrors.string(mirror, "timeout"),
                mirrors.string(mirror, "backoffBase"),
                mirrors.string(mirror, "backoffCap"),
                handles);
    }

    private Optional<TaskDeclaration> task(TypeElement owner, ExecutableElement method, TaskKind kind, Optional<AnnotationMirror> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror mirror = found.get();
        Attribute<String> zone = kind == TaskKind.CRON ? mirrors.string(mirror, "zone") : new Attribute<>("", null);
        return Optional.of(new TaskDeclaration(
                method,
                owner,
                kind,
                mirror,
                mirrors.string(mirror, "value"),
                zone,
                mirrors.string(mirror, "name"),
                mirrors.string(mirror, "description"),
                mirrors.enumConstant(mirror, "missed"),
                mirrors.bool(mirror, "overlap"),
                mirrors.string(mirror, "queue"),
                mirrors.integer(mirror, "retries"),
                mirrors.string(mirror, "timeout")));
    }
}
