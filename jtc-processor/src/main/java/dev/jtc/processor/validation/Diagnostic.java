package dev.jtc.processor.validation;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * One error or warning, placed as precisely as javac allows: on the element, and within it on the
 * annotation and the annotation value when the problem is in one.
 */
public record Diagnostic(Kind kind, Message message, String text, Element element, AnnotationMirror annotation, AnnotationValue value) {

    public boolean isError() {
        return kind == Kind.ERROR;
    }
}
