package dev.jtc.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * One attribute of an annotation as the user wrote it: its value, and the {@link AnnotationValue}
 * to point an error at, so the IDE underlines {@code "0 0 32 * *"} rather than the whole method.
 *
 * @param value the attribute's value, the annotation's default when not written
 * @param source where the user wrote it; {@code null} when the default applies
 * @param <T> the value's type
 */
public record Attribute<T>(T value, AnnotationValue source) {

    /** Whether the user wrote this attribute (rather than getting its default). */
    public boolean explicit() {
        return source != null;
    }
}
