package dev.jtc.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, never through {@code getAnnotation(Class)}, so that
 * each value keeps the {@link AnnotationValue} an error can be reported on.
 */
public final class Mirrors {

    private final Elements elements;

    public Mirrors(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
    public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    public static boolean has(Element element, String qualifiedName) {
        return find(element, qualifiedName).isPresent();
    }

    /** Whether {@code type} is {@code dev.jtc.runtime.JobContext}, which a method may declare and is never payload. */
    public static boolean isJobContext(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(AnnotationNames.JOB_CONTEXT);
    }

    /** The constructors of {@code type} that carry {@code @Inject} (jakarta or javax), in declaration order. */
    public static List<ExecutableElement> injectConstructors(TypeElement type) {
        List<ExecutableElement> constructors = new ArrayList<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (has(constructor, AnnotationNames.JAKARTA_INJECT) || has(constructor, AnnotationNames.JAVAX_INJECT)) {
                constructors.add(constructor);
            }
        }
        return constructors;
    }

    public Attribute<String> string(AnnotationMirror mirror, String name) {
        return attribute(mirror, name, value -> value instanceof String text ? text : String.valueOf(value));
    }

    public Attribute<Integer> integer(AnnotationMirror mirror, String name) {
        return attribute(mirror, name, value -> value instanceof Integer number ? number : 0);
    }

    public Attribute<Boolean> bool(AnnotationMirror mirror, String name) {
        return attribute(mirror, name, value -> value instanceof Boolean flag ? flag : Boolean.TRUE);
    }

    /** An enum attribute, as the constant's simple name. */
    public Attribute<String> enumConstant(AnnotationMirror mirror, String name) {
        return attribute(mirror, name, value -> value instanceof VariableElement constant
                ? constant.getSimpleName().toString() : String.valueOf(value));
    }

    /**
     * A {@code Class<?>[]} attribute: one entry per class, each with its own value so an error can
     * point at one class literal. An entry whose class does not exist has a {@code null} type.
     */
    public List<Attribute<TypeMirror>> types(AnnotationMirror mirror, String name) {
        AnnotationValue whole = valueWithDefaults(mirror, name);
        List<Attribute<TypeMirror>> types = new ArrayList<>();
        if (whole != null && whole.getValue() instanceof List<?> entries) {
            for (Object entry : entries) {
                AnnotationValue value = (AnnotationValue) entry;
                TypeMirror type = value.getValue() instanceof TypeMirror mirrorType ? mirrorType : null;
                types.add(new Attribute<>(type, value));
            }
        }
        return types;
    }

    private <T> Attribute<T> attribute(AnnotationMirror mirror, String name, Function<Object, T> convert) {
        AnnotationValue explicit = explicitValue(mirror, name);
        AnnotationValue value = explicit != null ? explicit : valueWithDefaults(mirror, name);
        return new Attribute<>(convert.apply(value == null ? null : value.getValue()), explicit);
    }

    private static AnnotationValue explicitValue(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private AnnotationValue valueWithDefaults(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
