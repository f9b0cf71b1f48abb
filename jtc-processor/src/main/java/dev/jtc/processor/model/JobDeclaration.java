package dev.jtc.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A class annotated {@code @Job}, as written: the annotation's attributes with their sources and
 * every method named {@code handle} (validation decides whether there is exactly one).
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
        List<ExecutableElement> handleMethods) {

    /** The job's name on the wire: the {@code name} attribute, else the simple class name. */
    public String wireName() {
        return name.value().isEmpty() ? type.getSimpleName().toString() : name.value();
    }

    public String qualifiedName() {
        return type.getQualifiedName().toString();
    }
}
