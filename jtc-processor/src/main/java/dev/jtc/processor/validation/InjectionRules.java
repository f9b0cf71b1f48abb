package dev.jtc.processor.validation;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.Mirrors;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Every job class and every class that owns scheduled methods comes from the generated Dagger
 * component, a new instance per run. So each must be a concrete, non-private, top-level or static
 * nested class with one {@code @Inject} constructor (checked in the class's own compilation),
 * and public with a public constructor when the application's generated classes live in another
 * package (checked in the application's compilation, which knows that package).
 *
 * <p>A public no-argument constructor without {@code @Inject} is not accepted: Dagger creates only
 * classes whose constructor carries {@code @Inject}, so the message asks for it instead of letting
 * Dagger fail later with a less direct one.
 */
final class InjectionRules {

    private final Elements elements;
    private final Report report;

    InjectionRules(Elements elements, Report report) {
        this.elements = elements;
        this.report = report;
    }

    /**
     * The rules of the class's own compilation: a shape Dagger can make, with exactly one
     * non-private {@code @Inject} constructor.
     *
     * @param annotation the class's {@code @Job}, or null for a class that only owns scheduled methods
     */
    void checkInjectable(TypeElement type, AnnotationMirror annotation, String description) {
        Target target = new Target(type, annotation, description);
        String problem = shapeProblem(type);
        if (problem != null) {
            notInjectable(target, type, problem);
            return;
        }
        List<ExecutableElement> injectConstructors = injectConstructors(type);
        if (injectConstructors.isEmpty()) {
            notInjectable(target, type, "it has no @Inject constructor, and Dagger creates only classes that have one;"
                    + " add @Inject (jakarta.inject.Inject) to a constructor, e.g. @Inject " + type.getSimpleName() + "() {}");
            return;
        }
        if (injectConstructors.size() > 1) {
            notInjectable(target, injectConstructors.get(1), "it has " + injectConstructors.size()
                    + " @Inject constructors; keep @Inject on exactly one");
            return;
        }
        if (injectConstructors.get(0).getModifiers().contains(Modifier.PRIVATE)) {
            notInjectable(target, injectConstructors.get(0), "its @Inject constructor is private; make it package-private or public");
        }
    }

    /**
     * The rule of the application's compilation: the generated component in {@code targetPackage}
     * names the class and calls its constructor, so in another package both must be public.
     */
    void checkVisibleFrom(String targetPackage, TypeElement type, AnnotationMirror annotation, String description) {
        if (elements.getPackageOf(type).getQualifiedName().contentEquals(targetPackage)) {
            return;
        }
        if (elements.getPackageOf(type).isUnnamed()) {
            report.errorOnAnnotation(Message.UNNAMED_PACKAGE, type, annotation, description, targetPackage);
            return;
        }
        for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
            if (!nested.getModifiers().contains(Modifier.PUBLIC)) {
                report.errorOnAnnotation(Message.NOT_PUBLIC, type, annotation,
                        nested == type ? description : "class " + nested.getQualifiedName() + ", which encloses " + type.getQualifiedName(),
                        targetPackage, "make it public");
                return;
            }
        }
        List<ExecutableElement> constructors = injectConstructors(type);
        if (constructors.size() == 1 && !constructors.get(0).getModifiers().contains(Modifier.PUBLIC)) {
            report.error(Message.NOT_PUBLIC, constructors.get(0), "the @Inject constructor of " + type.getQualifiedName(), targetPackage,
                    "make the constructor public");
        }
    }

    private record Target(TypeElement type, AnnotationMirror annotation, String description) {}

    private static List<ExecutableElement> injectConstructors(TypeElement type) {
        List<ExecutableElement> constructors = new ArrayList<>();
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (Mirrors.has(constructor, AnnotationNames.JAKARTA_INJECT) || Mirrors.has(constructor, AnnotationNames.JAVAX_INJECT)) {
                constructors.add(constructor);
            }
        }
        return constructors;
    }

    /** What stops Dagger from making an instance of {@code type} at all, or null. */
    private static String shapeProblem(TypeElement type) {
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            return "it is a local or anonymous class; make it a top-level or static nested class";
        }
        if (type.getKind() != ElementKind.CLASS) {
            return "it is " + article(type.getKind()) + "; make it a class";
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return "it is abstract; make it a concrete class";
        }
        if (!type.getTypeParameters().isEmpty()) {
            return "it has type parameters; remove them (the component needs one concrete type)";
        }
        for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
            if (nested.getModifiers().contains(Modifier.PRIVATE)) {
                return (nested == type ? "it is private" : "it is nested in the private class " + nested.getQualifiedName())
                        + "; make it package-private or public";
            }
            if (nested.getNestingKind() == NestingKind.MEMBER && !nested.getModifiers().contains(Modifier.STATIC)
                    && nested.getEnclosingElement().getKind() == ElementKind.CLASS) {
                return (nested == type ? "it is an inner (non-static) class" : "it is nested in the inner class " + nested.getQualifiedName())
                        + ", which needs an outer instance; make it static";
            }
        }
        return null;
    }

    private void notInjectable(Target target, Element element, String problem) {
        if (element == target.type()) {
            report.errorOnAnnotation(Message.NOT_INJECTABLE, element, target.annotation(),
                    target.description(), problem);
        } else {
            report.error(Message.NOT_INJECTABLE, element, target.description(), problem);
        }
    }

    private static String article(ElementKind kind) {
        return switch (kind) {
            case INTERFACE -> "an interface";
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            case RECORD -> "a record";
            default -> "a " + kind.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
