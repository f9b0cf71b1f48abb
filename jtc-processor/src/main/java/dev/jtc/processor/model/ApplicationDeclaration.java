package dev.jtc.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** A class annotated {@code @JtcApplication}: its modules and where the generated classes go. */
public record ApplicationDeclaration(
        TypeElement type,
        AnnotationMirror annotation,
        List<Attribute<TypeMirror>> modules,
        Attribute<String> generatedPackage) {

    /** The package the generated classes go to: the attribute, else the application's own package. */
    public String targetPackage(String ownPackage) {
        return generatedPackage.value().isEmpty() ? ownPackage : generatedPackage.value();
    }
}
