package dev.jtc.processor.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The warnings generated code must suppress because it names deprecated user code: a job being
 * retired while its queued runs drain, a payload record on its way out, a task method marked for
 * removal. Without it, a build with {@code -Xlint:all -Werror} fails in code the user cannot edit
 * (and {@code forRemoval} warns even without {@code -Xlint}). Code that names nothing deprecated
 * suppresses nothing.
 *
 * <p>Collect the elements and types a generated class names, then read {@link #warnings()}.
 */
public final class DeprecatedUses {

    /** The lint category of a use of {@code @Deprecated} code. */
    public static final String DEPRECATION = "deprecation";
    /** The lint category of a use of {@code @Deprecated(forRemoval = true)} code, on by default. */
    public static final String REMOVAL = "removal";

    private final Elements elements;
    private final Set<String> warnings = new TreeSet<>();
    private final Set<String> recordsSeen = new HashSet<>();

    public DeprecatedUses(Elements elements) {
        this.elements = elements;
    }

    /** The categories to suppress, sorted: empty, {@code [deprecation]}, {@code [removal]} or both. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Notes a class, method or constructor the generated code names or calls, and the classes around it. */
    public DeprecatedUses element(Element element) {
        for (Element current = element; current != null && isTypeOrMember(current); current = current.getEnclosingElement()) {
            if (elements.isDeprecated(current)) {
                warnings.add(forRemoval(current) ? REMOVAL : DEPRECATION);
            }
        }
        return this;
    }

    /**
     * Notes a payload type: every class it names, and for records the accessors and the canonical
     * constructor the codec calls, down through their components.
     */
    public DeprecatedUses type(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return type(((ArrayType) type).getComponentType());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return this;
        }
        DeclaredType declared = (DeclaredType) type;
        declared.getTypeArguments().forEach(this::type);
        TypeElement element = (TypeElement) declared.asElement();
        element(element);
        if (element.getKind() == ElementKind.RECORD && recordsSeen.add(element.getQualifiedName().toString())) {
            for (RecordComponentElement component : element.getRecordComponents()) {
                element(component.getAccessor());
                type(component.asType());
            }
            for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
                if (isCanonical(constructor, element.getRecordComponents())) {
                    element(constructor);
                }
            }
        }
        return this;
    }

    /** Whether {@code constructor} takes the record's components, in order: the one a codec calls. */
    private static boolean isCanonical(ExecutableElement constructor, List<? extends RecordComponentElement> components) {
        if (constructor.getParameters().size() != components.size()) {
            return false;
        }
        for (int i = 0; i < components.size(); i++) {
            if (!constructor.getParameters().get(i).asType().toString().equals(components.get(i).asType().toString())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTypeOrMember(Element element) {
        return element instanceof TypeElement || element instanceof ExecutableElement;
    }

    private boolean forRemoval(Element element) {
        AnnotationMirror deprecated = Mirrors.find(element, "java.lang.Deprecated").orElse(null);
        if (deprecated == null) {
            return false;
        }
        for (var entry : elements.getElementValuesWithDefaults(deprecated).entrySet()) {
            AnnotationValue value = entry.getValue();
            if (entry.getKey().getSimpleName().contentEquals("forRemoval") && Boolean.TRUE.equals(value.getValue())) {
                return true;
            }
        }
        return false;
    }
}
