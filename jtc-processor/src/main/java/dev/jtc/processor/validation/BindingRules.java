package dev.jtc.processor.validation;

import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.Mirrors;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What Dagger will fail to provide, said in jtc's words before Dagger says it inside the
 * generated component: a job's or task owner's {@code @Inject} constructor needs a type that has no
 * {@code @Inject} constructor of its own and that no module of the application (nor the runtime's
 * bound {@code Dispatcher}, {@code Clock}, {@code Settings} and the typed dispatcher) provides.
 *
 * <p>It follows {@code @Inject} constructors down to the first type nothing provides, and names
 * the path. It only reports what it is sure of: a qualifier it cannot match, a multibinding, an
 * {@code Optional}, a type variable or a module that does not resolve is taken as provided and
 * left to Dagger.
 */
final class BindingRules {

    private static final Set<String> RUNTIME_BINDINGS = Set.of("dev.jtc.runtime.Dispatcher", "java.time.Clock",
            "dev.jtc.runtime.Settings");
    private static final Set<String> WRAPPERS = Set.of("jakarta.inject.Provider", "javax.inject.Provider", "dagger.Lazy",
            "dagger.MembersInjector");
    private static final Set<String> BINDING_ANNOTATIONS = Set.of("dagger.Provides", "dagger.Binds", "dagger.BindsOptionalOf",
            "dagger.multibindings.Multibinds", "dagger.producers.Produces");
    private static final Set<String> QUALIFIERS = Set.of("jakarta.inject.Qualifier", "javax.inject.Qualifier");

    private final Elements elements;
    private final Types types;
    private final Report report;
    private final String dispatcherClass;
    private final List<ExecutableElement> moduleMethods = new ArrayList<>();
    private boolean modulesKnown = true;

    /** @param dispatcherClass the qualified name of the application's generated {@code <App>Jobs}, which the component binds too */
    BindingRules(Elements elements, Types types, Report report, ApplicationDeclaration application, String dispatcherClass) {
        this.elements = elements;
        this.types = types;
        this.report = report;
        this.dispatcherClass = dispatcherClass;
        collectModuleMethods(application);
    }

    /**
     * @param annotation the class's {@code @Job}, or null for a task owner
     * @param description how messages name the class: {@code @Job class com.acme.SendMail}
     */
    void check(TypeElement type, AnnotationMirror annotation, String description) {
        if (!modulesKnown) {
            return;
        }
        Optional<ExecutableElement> constructor = injectConstructor(type);
        if (constructor.isEmpty()) {
            return;
        }
        for (VariableElement parameter : constructor.get().getParameters()) {
            Set<String> visited = new HashSet<>();
            visited.add(type.getQualifiedName().toString());
            List<String> path = new ArrayList<>();
            Optional<String> missing = missing(parameter, visited, path);
            if (missing.isPresent()) {
                String via = path.isEmpty() ? "" : ", which " + path.get(path.size() - 1) + " needs"
                        + (path.size() > 1 ? " (" + String.join(" -> ", path) + " -> " + missing.get() + ")" : "");
                report.error(Message.MISSING_BINDING, parameter, description, parameter.asType(), parameter.getSimpleName(),
                        missing.get(), via, missing.get());
                return;
            }
        }
    }

    /** The type nothing provides on the way from {@code dependency}, or empty; {@code path} gets the types in between. */
    private Optional<String> missing(VariableElement dependency, Set<String> visited, List<String> path) {
        TypeMirror key = unwrap(dependency.asType());
        if (key == null || isProvided(key, qualifiers(dependency))) {
            return Optional.empty();
        }
        if (!qualifiers(dependency).isEmpty()) {
            return Optional.of(qualifiers(dependency).get(0) + " " + key);
        }
        TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
        Optional<ExecutableElement> constructor = injectConstructor(element);
        if (constructor.isEmpty()) {
            return Optional.of(element.getQualifiedName().toString());
        }
        if (!visited.add(element.getQualifiedName().toString())) {
            return Optional.empty(); // a cycle is Dagger's to report
        }
        for (VariableElement next : constructor.get().getParameters()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(element.getQualifiedName().toString());
            Optional<String> missing = missing(next, visited, deeper);
            if (missing.isPresent()) {
                path.clear();
                path.addAll(deeper);
                return missing;
            }
        }
        return Optional.empty();
    }

    /** The key behind {@code Provider<T>} and {@code Lazy<T>}; null for what this check leaves to Dagger. */
    private TypeMirror unwrap(TypeMirror type) {
        while (type.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) type;
            String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
            if (!WRAPPERS.contains(name) || declared.getTypeArguments().size() != 1) {
                break;
            }
            type = declared.getTypeArguments().get(0);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return null; // primitives, arrays, type variables: left to Dagger
        }
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        String name = element.getQualifiedName().toString();
        boolean collection = name.equals("java.util.Set") || name.equals("java.util.Map") || name.equals("java.util.Optional");
        if (collection || !declared.getTypeArguments().isEmpty() || type.getKind() == TypeKind.ERROR) {
            return null; // multibindings, optional bindings and generic keys: left to Dagger
        }
        return type;
    }

    private boolean isProvided(TypeMirror key, List<String> qualifiers) {
        TypeElement element = (TypeElement) ((DeclaredType) key).asElement();
        String name = element.getQualifiedName().toString();
        if (qualifiers.isEmpty() && (RUNTIME_BINDINGS.contains(name) || name.equals(dispatcherClass))) {
            return true;
        }
        for (ExecutableElement method : moduleMethods) {
            if (types.isSameType(types.erasure(method.getReturnType()), types.erasure(key)) && qualifiers(method).equals(qualifiers)) {
                return true;
            }
        }
        return false;
    }

    /** The qualifier annotations on a parameter or binding method, as written ({@code @Named("main")}), sorted. */
    private List<String> qualifiers(Element element) {
        List<String> qualifiers = new ArrayList<>();
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            Element annotationType = annotation.getAnnotationType().asElement();
            if (QUALIFIERS.stream().anyMatch(qualifier -> Mirrors.has(annotationType, qualifier))) {
                qualifiers.add(annotation.toString());
            }
        }
        qualifiers.sort(null);
        return qualifiers;
    }

    private static Optional<ExecutableElement> injectConstructor(TypeElement type) {
        for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (Mirrors.has(constructor, AnnotationNames.JAKARTA_INJECT) || Mirrors.has(constructor, AnnotationNames.JAVAX_INJECT)) {
                return Optional.of(constructor);
            }
        }
        return Optional.empty();
    }

    /** Every binding method of the application's modules and the modules they include. */
    private void collectModuleMethods(ApplicationDeclaration application) {
        Deque<Optional<TypeMirror>> pending = new ArrayDeque<>();
        for (Attribute<TypeMirror> module : application.modules()) {
            pending.add(Optional.ofNullable(module.value()));
        }
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            TypeMirror type = pending.poll().orElse(null);
            if (type == null || type.getKind() != TypeKind.DECLARED) {
                modulesKnown = false; // reported on its own, or another processor's to generate
                return;
            }
            TypeElement module = (TypeElement) ((DeclaredType) type).asElement();
            if (!seen.add(module.getQualifiedName().toString())) {
                continue;
            }
            Optional<AnnotationMirror> annotation = Mirrors.find(module, AnnotationNames.DAGGER_MODULE);
            if (annotation.isEmpty()) {
                modulesKnown = false;
                return;
            }
            for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(module))) {
                if (method.getKind() == ElementKind.METHOD && BINDING_ANNOTATIONS.stream().anyMatch(binding -> Mirrors.has(method, binding))) {
                    moduleMethods.add(method);
                }
            }
            for (var entry : annotation.get().getElementValues().entrySet()) {
                if (entry.getKey().getSimpleName().contentEquals("includes") && entry.getValue().getValue() instanceof List<?> included) {
                    for (Object value : included) {
                        Object includedType = ((AnnotationValue) value).getValue();
                        pending.add(includedType instanceof TypeMirror mirror ? Optional.of(mirror) : Optional.empty());
                    }
                }
            }
        }
    }
}
