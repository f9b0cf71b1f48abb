package dev.jtc.processor.validation;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.Mirrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The rules of middleware, listed on a job ({@code @Job(middleware = ...)}) or on the application
 * ({@code @JtcApplication(middleware = ...)}). The generated dispatch table holds one instance of
 * each class and calls it around every attempt, so each must be a concrete class implementing
 * {@code dev.jtc.runtime.JobMiddleware} that the table can make: from the component when it has
 * an {@code @Inject} constructor, else with its no-argument constructor. A class is listed once per
 * list. Whether the generated package can name it is known only in the application's compilation,
 * which checks the classes of every list again, those of library jobs included.
 *
 * <p>Every problem sits on the class literal that names the class.
 */
final class MiddlewareRules {

    /**
     * Where one list of middleware is written.
     *
     * @param annotationName how messages name the annotation: {@code @Job} or {@code @JtcApplication}
     * @param owner the annotated class, by qualified name
     */
    record Listing(Element element, AnnotationMirror annotation, String annotationName, String owner) {

        /** {@code middleware com.acme.AuditTrail, listed in @Job(middleware = ...) on com.acme.ShipOrder}. */
        String describe(TypeElement middleware) {
            return "middleware " + middleware.getQualifiedName() + ", listed in " + annotationName + "(middleware = ...) on " + owner;
        }
    }

    private final Elements elements;
    private final Types types;
    private final Report report;

    MiddlewareRules(Elements elements, Types types, Report report) {
        this.elements = elements;
        this.types = types;
        this.report = report;
    }

    /**
     * Checks a list as written.
     *
     * @param targetPackage the package of the generated classes, which must be able to name each
     *     class; null in a job's own compilation, which does not know it
     * @param finalRound whether a class that does not resolve is an error rather than something
     *     another processor may still generate
     * @param waiting what waits for such a class ({@link Report#waitFor}): the job's name, or {@link Report#APPLICATION}
     */
    List<TypeElement> checkList(List<Attribute<TypeMirror>> middleware, Listing listing, String targetPackage, boolean finalRound,
            String waiting) {
        List<TypeElement> passed = new ArrayList<>();
        if (middleware.isEmpty()) {
            return passed;
        }
        TypeElement contract = elements.getTypeElement(AnnotationNames.JOB_MIDDLEWARE);
        if (contract == null) {
            report.error(Message.MIDDLEWARE_WITHOUT_RUNTIME, listing.element(), listing.annotation(), middleware.get(0).source(),
                    listing.annotationName(), listing.owner());
            return passed;
        }
        Set<String> listed = new HashSet<>();
        for (Attribute<TypeMirror> entry : middleware) {
            TypeMirror type = entry.value();
            if (type == null || type.getKind() == TypeKind.ERROR) {
                // javac reports the class literal, unless another processor generates the class in a later round.
                if (finalRound) {
                    report.error(Message.MIDDLEWARE_MISSING, listing.element(), listing.annotation(), entry.source(),
                            listing.annotationName(), listing.owner());
                } else {
                    report.waitFor(waiting);
                }
                continue;
            }
            if (type.getKind() != TypeKind.DECLARED) {
                report.error(Message.NOT_MIDDLEWARE, listing.element(), listing.annotation(), entry.source(), type,
                        listing.annotationName(), listing.owner());
                continue;
            }
            TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
            if (!listed.add(element.getQualifiedName().toString())) {
                report.error(Message.MIDDLEWARE_TWICE, listing.element(), listing.annotation(), entry.source(),
                        element.getQualifiedName(), listing.annotationName(), listing.owner());
                continue;
            }
            if (check(element, contract, entry.source(), listing, targetPackage)) {
                passed.add(element);
            }
        }
        return passed;
    }

    /**
     * Checks one class a job's contribution names (a job of this compilation or of a library), in
     * the application's compilation.
     *
     * @param value the class literal in the job's {@code @Job}, when the job is compiled now; else null
     * @return whether it passed
     */
    boolean checkRecorded(TypeElement middleware, AnnotationValue value, Listing listing, String targetPackage) {
        TypeElement contract = elements.getTypeElement(AnnotationNames.JOB_MIDDLEWARE);
        if (contract == null) {
            report.error(Message.MIDDLEWARE_WITHOUT_RUNTIME, listing.element(), listing.annotation(), value,
                    listing.annotationName(), listing.owner());
            return false;
        }
        return check(middleware, contract, value, listing, targetPackage);
    }

    private boolean check(TypeElement middleware, TypeElement contract, AnnotationValue value, Listing listing, String targetPackage) {
        if (!types.isSubtype(types.erasure(middleware.asType()), types.erasure(contract.asType()))) {
            report.error(Message.NOT_MIDDLEWARE, listing.element(), listing.annotation(), value, middleware.getQualifiedName(),
                    listing.annotationName(), listing.owner());
            return false;
        }
        String problem = constructionProblem(middleware);
        if (problem != null) {
            report.error(Message.MIDDLEWARE_NOT_CONSTRUCTIBLE, listing.element(), listing.annotation(), value,
                    middleware.getQualifiedName(), listing.annotationName(), listing.owner(), problem);
            return false;
        }
        return targetPackage == null || checkVisibleFrom(targetPackage, middleware, value, listing);
    }

    /** What stops the dispatch table from making one instance of {@code type}, or null. */
    private static String constructionProblem(TypeElement type) {
        if (type.getKind() == ElementKind.INTERFACE) {
            return "it is an interface; list a class that implements it";
        }
        if (type.getKind() != ElementKind.CLASS && type.getKind() != ElementKind.RECORD) {
            return "it is " + article(type.getKind()) + "; make it a class";
        }
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            return "it is abstract; list a concrete subclass, or make it concrete";
        }
        if (!type.getTypeParameters().isEmpty()) {
            return "it has type parameters; remove them (the dispatch table holds one instance of one concrete type)";
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            return "it is a local or anonymous class; make it a top-level or static nested class";
        }
        for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
            if (nested.getModifiers().contains(Modifier.PRIVATE)) {
                return (nested == type ? "it is private" : "it is nested in the private class " + nested.getQualifiedName())
                        + "; make it package-private or public";
            }
            if (nested.getNestingKind() == NestingKind.MEMBER && !nested.getModifiers().contains(Modifier.STATIC)
                    && nested.getEnclosingElement().getKind() == ElementKind.CLASS) {
                return (nested == type ? "it is an inner (non-static) class"
                        : "it is nested in the inner class " + nested.getQualifiedName())
                        + ", which needs an outer instance; make it static";
            }
        }
        List<ExecutableElement> injectConstructors = Mirrors.injectConstructors(type);
        if (injectConstructors.size() > 1) {
            return "it has " + injectConstructors.size() + " @Inject constructors; keep @Inject on exactly one";
        }
        if (injectConstructors.size() == 1) {
            return injectConstructors.get(0).getModifiers().contains(Modifier.PRIVATE)
                    ? "its @Inject constructor is private; make it package-private or public" : null;
        }
        ExecutableElement noArguments = noArgumentConstructor(type);
        if (noArguments == null) {
            return "it has neither an @Inject constructor (the component makes it) nor a no-argument constructor (the dispatch"
                    + " table calls it); add @Inject to the constructor Dagger should call, or add public " + type.getSimpleName()
                    + "() {}";
        }
        if (noArguments.getModifiers().contains(Modifier.PRIVATE)) {
            return "its no-argument constructor is private; make it public, or add @Inject to a constructor so the component"
                    + " makes it";
        }
        return null;
    }

    /**
     * The generated runner in {@code targetPackage} names the class, and calls its no-argument
     * constructor or has the component call its {@code @Inject} one: in another package they must
     * be public.
     */
    private boolean checkVisibleFrom(String targetPackage, TypeElement type, AnnotationValue value, Listing listing) {
        if (elements.getPackageOf(type).getQualifiedName().contentEquals(targetPackage)) {
            return true;
        }
        if (elements.getPackageOf(type).isUnnamed()) {
            report.error(Message.UNNAMED_PACKAGE, listing.element(), listing.annotation(), value, listing.describe(type) + ",",
                    targetPackage);
            return false;
        }
        for (Element current = type; current instanceof TypeElement nested; current = current.getEnclosingElement()) {
            if (!nested.getModifiers().contains(Modifier.PUBLIC)) {
                report.error(Message.NOT_PUBLIC, listing.element(), listing.annotation(), value,
                        nested == type ? listing.describe(type) + ","
                                : "class " + nested.getQualifiedName() + ", which encloses " + listing.describe(type) + ",",
                        targetPackage, "make it public");
                return false;
            }
        }
        List<ExecutableElement> injectConstructors = Mirrors.injectConstructors(type);
        ExecutableElement constructor = injectConstructors.isEmpty() ? noArgumentConstructor(type) : injectConstructors.get(0);
        if (constructor != null && !constructor.getModifiers().contains(Modifier.PUBLIC)) {
            report.error(Message.NOT_PUBLIC, listing.element(), listing.annotation(), value,
                    (injectConstructors.isEmpty() ? "the no-argument constructor of " : "the @Inject constructor of ")
                            + listing.describe(type) + ",",
                    targetPackage, "make the constructor public");
            return false;
        }
        return true;
    }

    private static ExecutableElement noArgumentConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (constructor.getParameters().isEmpty()) {
                return constructor;
            }
        }
        return null;
    }

    private static String article(ElementKind kind) {
        return switch (kind) {
            case ENUM -> "an enum";
            case ANNOTATION_TYPE -> "an annotation type";
            default -> "a " + kind.toString().toLowerCase(Locale.ROOT);
        };
    }
}
