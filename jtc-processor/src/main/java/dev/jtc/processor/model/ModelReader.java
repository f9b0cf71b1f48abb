package dev.jtc.processor.model;

import dev.jtc.processor.model.JobDeclaration.Handle;
import dev.jtc.processor.model.TaskDeclaration.TaskKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one annotated class into its declaration: a {@code @Job} class, a class with scheduled
 * methods, or the {@code @JtcApplication}. It reads what is written and judges nothing; the
 * validators do.
 */
public final class ModelReader {

    private final Types types;
    private final Mirrors mirrors;

    public ModelReader(Elements elements, Types types) {
        this.types = types;
        this.mirrors = new Mirrors(elements);
    }

    public Optional<ApplicationDeclaration> application(TypeElement type) {
        return Mirrors.find(type, AnnotationNames.APPLICATION).map(mirror ->
                new ApplicationDeclaration(type, mirror, mirrors.types(mirror, "modules"), mirrors.string(mirror, "generatedPackage"),
                        mirrors.types(mirror, "middleware")));
    }

    public Optional<JobDeclaration> job(TypeElement type) {
        return Mirrors.find(type, AnnotationNames.JOB).map(mirror -> new JobDeclaration(
                type,
                mirror,
                mirrors.string(mirror, "name"),
                mirrors.string(mirror, "queue"),
                mirrors.integer(mirror, "retries"),
                mirrors.string(mirror, "timeout"),
                mirrors.string(mirror, "backoffBase"),
                mirrors.string(mirror, "backoffCap"),
                mirrors.types(mirror, "middleware"),
                mirrors.integer(mirror, "maxConcurrency"),
                mirrors.string(mirror, "rateLimit"),
                mirrors.string(mirror, "limitKey"),
                Mirrors.find(type, AnnotationNames.WITHOUT_OVERLAPPING)
                        .map(overlap -> new JobDeclaration.Overlap(overlap, mirrors.string(overlap, "key"))),
                handles(type)));
    }

    /** The class's {@code @Cron} and {@code @Every} methods; empty if it has none (any more). */
    public Optional<OwnerDeclaration> owner(TypeElement owner) {
        List<TaskDeclaration> tasks = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(owner.getEnclosedElements())) {
            task(owner, method, TaskKind.CRON, Mirrors.find(method, AnnotationNames.CRON)).ifPresent(tasks::add);
            task(owner, method, TaskKind.EVERY, Mirrors.find(method, AnnotationNames.EVERY)).ifPresent(tasks::add);
        }
        tasks.sort(Comparator.comparing((TaskDeclaration task) -> task.method().getSimpleName().toString())
                .thenComparing(task -> task.method().getParameters().size())
                .thenComparing(TaskDeclaration::kind));
        return tasks.isEmpty() ? Optional.empty() : Optional.of(new OwnerDeclaration(owner, tasks));
    }

    /**
     * The job's {@code handle} methods: those it declares, else those of the nearest superclass
     * that declares any, else the default methods of its interfaces. Each with its parameter types
     * as seen from the job, so type arguments of a generic supertype are filled in.
     */
    private List<Handle> handles(TypeElement job) {
        DeclaredType jobType = (DeclaredType) job.asType();
        List<Handle> handles = declaredHandles(job, jobType, false);
        for (TypeElement superclass = superclass(job); handles.isEmpty() && superclass != null; superclass = superclass(superclass)) {
            handles = declaredHandles(superclass, jobType, true);
        }
        if (handles.isEmpty()) {
            Deque<TypeElement> interfaces = new ArrayDeque<>();
            Set<TypeElement> seen = new HashSet<>();
            for (TypeElement current = job; current != null; current = superclass(current)) {
                current.getInterfaces().forEach(type -> interfaces.add(asElement(type)));
            }
            while (!interfaces.isEmpty()) {
                TypeElement candidate = interfaces.poll();
                if (candidate != null && seen.add(candidate)) {
                    declaredHandles(candidate, jobType, true).stream()
                            .filter(handle -> handle.method().getModifiers().contains(Modifier.DEFAULT))
                            .forEach(handles::add);
                    candidate.getInterfaces().forEach(type -> interfaces.add(asElement(type)));
                }
            }
        }
        return handles;
    }

    private List<Handle> declaredHandles(TypeElement declaring, DeclaredType jobType, boolean inheritedOnly) {
        List<Handle> handles = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(declaring.getEnclosedElements())) {
            if (!method.getSimpleName().contentEquals("handle")) {
                continue;
            }
            if (inheritedOnly && (method.getModifiers().contains(Modifier.PRIVATE) || method.getModifiers().contains(Modifier.STATIC))) {
                continue;
            }
            List<TypeMirror> parameterTypes = new ArrayList<>();
            TypeMirror asMember = types.asMemberOf(jobType, method);
            if (asMember.getKind() == TypeKind.EXECUTABLE) {
                parameterTypes.addAll(((ExecutableType) asMember).getParameterTypes());
            } else {
                method.getParameters().forEach(parameter -> parameterTypes.add(parameter.asType()));
            }
            handles.add(new Handle(method, parameterTypes, declaring));
        }
        return handles;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeElement superclass = asElement(type.getSuperclass());
        return superclass == null || superclass.getQualifiedName().contentEquals("java.lang.Object") ? null : superclass;
    }

    private static TypeElement asElement(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
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
