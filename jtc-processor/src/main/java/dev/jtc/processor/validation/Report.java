package dev.jtc.processor.validation;

import dev.jtc.processor.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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
    private final Predicate<Element> fromSource;
    private final Element fallback;
    private final AnnotationMirror fallbackAnnotation;

    /** A report whose diagnostics go where the validators put them. */
    public Report() {
        this(element -> true, null, null);
    }

    /**
     * A report for rules about classes that may come from class files (a dependency jar, an
     * earlier build): javac can show no position in those, so such a diagnostic is put on
     * {@code fallback} (the application's annotation) instead; its text names the class.
     */
    public Report(Predicate<Element> fromSource, Element fallback, AnnotationMirror fallbackAnnotation) {
        this.fromSource = fromSource;
        this.fallback = fallback;
        this.fallbackAnnotation = fallbackAnnotation;
    }

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
        add(Kind.ERROR, message, element, annotation, value, arguments);
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
        add(Kind.WARNING, message, element, annotation, value, arguments);
    }

    /** A warning on an element as a whole (a method). */
    void warning(Message message, Element element, Object... arguments) {
        warning(message, element, null, null, arguments);
    }

    void note(Message message, Element element, AnnotationMirror annotation, Object... arguments) {
        add(Kind.NOTE, message, element, annotation, null, arguments);
    }

    private void add(Kind kind, Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... arguments) {
        String text = message.format(arguments);
        if (fallback != null && element != null && !fromSource.test(element)) {
            diagnostics.add(new Diagnostic(kind, message, text, fallback, fallbackAnnotation, null));
        } else {
            diagnostics.add(new Diagnostic(kind, message, text, element, annotation, value));
        }
    }

}
