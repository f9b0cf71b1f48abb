package dev.jtc.processor.validation;

import dev.jtc.processor.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/** The diagnostics of one validation run, in the order found. Writing happens only if it has no errors. */
public final class Report {

    /** The {@link #waitingFor()} entry for the application's own references (its modules). */
    public static final String APPLICATION = "@JtcApplication";

    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> waitingFor = new TreeSet<>();

    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    /**
     * What cannot be written yet because a type it names does not resolve, and another processor
     * may still generate it: a job (by qualified name, so its codec waits) or {@link #APPLICATION}
     * (so the aggregate classes wait). Empty when everything is ready.
     */
    public Set<String> waitingFor() {
        return Set.copyOf(waitingFor);
    }

    void waitFor(String what) {
        waitingFor.add(what);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    void error(Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... arguments) {
        diagnostics.add(new Diagnostic(Kind.ERROR, message, message.format(arguments), element, annotation, value));
    }

    /** An error on an attribute: on its value if the user wrote it, else on the annotation. */
    void error(Message message, Element element, AnnotationMirror annotation, Attribute<?> attribute, Object... arguments) {
        error(message, element, annotation, attribute.source(), arguments);
    }

    /** An error on an annotation as a whole (a missing attribute, a second application). */
    void errorOnAnnotation(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
        error(message, element, annotation, (AnnotationValue) null, arguments);
    }

    void error(Message message, Element element, Object... arguments) {
        error(message, element, null, (AnnotationValue) null, arguments);
    }

    void warning(Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... arguments) {
        diagnostics.add(new Diagnostic(Kind.WARNING, message, message.format(arguments), element, annotation, value));
    }

    /** A warning on an element as a whole (a method). */
    void warning(Message message, Element element, Object... arguments) {
        warning(message, element, null, null, arguments);
    }
}
