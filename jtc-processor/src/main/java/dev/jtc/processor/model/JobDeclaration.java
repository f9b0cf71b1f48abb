package dev.jtc.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A class annotated {@code @Job}, as written: the annotation's attributes with their sources, its
 * {@code @WithoutOverlapping} if it has one, and every method named {@code handle} it has, declared
 * or inherited (validation decides whether there is exactly one).
 *
 * @param middleware the classes of {@code middleware}, one entry per class literal as written
 * @param overlap its {@code @WithoutOverlapping}, if present
 */
public record JobDeclaration(
        TypeElement type,
        AnnotationMirror annotation,
        Attribute<String> name,
        Attribute<String> queue,
        Attribute<Integer> retries,
        Attribute<String> timeout,
        Attribute<String> backoffBase,
        Attribute<String> backoffCap,
        List<Attribute<TypeMirror>> middleware,
        Attribute<Integer> maxConcurrency,
        Attribute<String> rateLimit,
        Attribute<String> limitKey,
        Optional<Overlap> overlap,
        List<Handle> handles) {

    public JobDeclaration {
        middleware = List.copyOf(middleware);
        handles = List.copyOf(handles);
    }

    /** The job's name on the wire: the {@code name} attribute, else the simple class name. */
    public String wireName() {
        return name.value().isEmpty() ? type.getSimpleName().toString() : name.value();
    }

    public String qualifiedName() {
        return type.getQualifiedName().toString();
    }

    /**
     * The job's {@code @WithoutOverlapping}.
     *
     * @param key the payload parameter that keys it; empty for the whole job
     */
    public record Overlap(AnnotationMirror annotation, Attribute<String> key) {}

    /**
     * One {@code handle} method of the job.
     *
     * @param parameterTypes the parameters' types as seen from the job class, so a {@code handle}
     *     inherited from {@code Base<Order>} takes an {@code Order}
     * @param declaringClass the class or interface that declares it: the job itself, or a supertype
     */
    public record Handle(ExecutableElement method, List<TypeMirror> parameterTypes, TypeElement declaringClass) {

        public Handle {
            parameterTypes = List.copyOf(parameterTypes);
        }

        public boolean inherited(TypeElement job) {
            return !declaringClass.equals(job);
        }
    }
}
