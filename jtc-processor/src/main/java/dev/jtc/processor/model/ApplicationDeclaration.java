package dev.jtc.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * A class annotated {@code @JtcApplication}: its modules, where the generated classes go, and the
 * middleware around every job and task.
 *
 * @param middleware one entry per class literal of {@code middleware}, as written
 */
public record ApplicationDeclaration(
        TypeElement type,
        AnnotationMirror annotation,
        List<Attribute<TypeMirror>> modules,
        Attribute<String> generatedPackage,
        List<Attribute<TypeMirror>> middleware) {

    public ApplicationDeclaration {
        modules = List.copyOf(modules);
        middleware = List.copyOf(middleware);
    }

    /** The package the generated classes go to: the attribute, else the application's own package. */
    public String targetPackage(String ownPackage) {
        return generatedPackage.value().isEmpty() ? ownPackage : generatedPackage.value();
    }
}
