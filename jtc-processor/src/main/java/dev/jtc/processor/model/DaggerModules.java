package dev.jtc.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Dagger's rule for whether a component needs an instance of a module, and who can make one. The
 * validator and the spec builder both read it, so a module becomes a parameter of the generated
 * factory exactly when Dagger needs an instance it cannot make itself.
 *
 * <p>Dagger needs an instance only for a module with a binding method that is neither static nor
 * abstract; a module of static {@code @Provides} methods, an abstract module or an interface of
 * {@code @Binds} needs none, whatever its constructors. When an instance is needed, the component
 * makes it through a no-argument constructor it can call; otherwise the application hands it in.
 */
public final class DaggerModules {

    /** What the generated component needs for one module. */
    public enum Instance {
        /** Every binding method is static or abstract: Dagger never instantiates the module. */
        NOT_NEEDED,
        /** The component calls the module's no-argument constructor itself. */
        MADE_BY_COMPONENT,
        /** The application passes an instance to the component's factory. */
        PASSED_BY_APPLICATION
    }

    private static final Set<String> BINDING_ANNOTATIONS = Set.of(
            "dagger.Provides",
            "dagger.Binds",
            "dagger.BindsOptionalOf",
            "dagger.multibindings.Multibinds",
            "dagger.producers.Produces");

    private final Elements elements;

    public DaggerModules(Elements elements) {
        this.elements = elements;
    }

    /** What a component in {@code componentPackage} needs for {@code module}. */
    public Instance instance(TypeElement module, String componentPackage) {
        if (instanceBindingMethods(module).isEmpty()) {
            return Instance.NOT_NEEDED;
        }
        return componentCanMake(module, componentPackage) ? Instance.MADE_BY_COMPONENT : Instance.PASSED_BY_APPLICATION;
    }

    /**
     * The binding methods, declared or inherited, that need an instance of the module: neither
     * static nor abstract (nor private, which Dagger rejects on its own).
     */
    public List<ExecutableElement> instanceBindingMethods(TypeElement module) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(module))) {
            Set<Modifier> modifiers = method.getModifiers();
            if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.ABSTRACT)
                    && !modifiers.contains(Modifier.PRIVATE) && isBindingMethod(method)) {
                methods.add(method);
            }
        }
        return methods;
    }

    /**
     * Whether code outside the module can get an instance of it at all: through a constructor that
     * is not private, or through something in the module's own top-level class that may call a
     * private constructor and hands the result out (a static factory method, a constant, an enum
     * constant, a nested subclass). Only a module for which this is false cannot be handed in.
     */
    public boolean applicationCanMake(TypeElement module) {
        if (module.getKind() == ElementKind.INTERFACE) {
            return true; // any class may implement it
        }
        for (ExecutableElement constructor : ElementFilter.constructorsIn(module.getEnclosedElements())) {
            if (!constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return true;
            }
        }
        return handsOutInstances(outermost(module), module);
    }

    /**
     * Dagger's own test (a class, not abstract, not an inner class, with a non-private
     * no-argument constructor), narrowed to constructors the component's package can call: a
     * package-private constructor in another package would make Dagger write code that does not
     * compile.
     */
    private boolean componentCanMake(TypeElement module, String componentPackage) {
        if (module.getKind() != ElementKind.CLASS || module.getModifiers().contains(Modifier.ABSTRACT)) {
            return false;
        }
        if (module.getNestingKind() != NestingKind.TOP_LEVEL && !module.getModifiers().contains(Modifier.STATIC)) {
            return false; // an inner class needs an instance of its enclosing class
        }
        boolean samePackage = elements.getPackageOf(module).getQualifiedName().contentEquals(componentPackage);
        for (ExecutableElement constructor : ElementFilter.constructorsIn(module.getEnclosedElements())) {
            Set<Modifier> modifiers = constructor.getModifiers();
            boolean callable = modifiers.contains(Modifier.PUBLIC) || (samePackage && !modifiers.contains(Modifier.PRIVATE));
            if (constructor.getParameters().isEmpty() && callable) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBindingMethod(ExecutableElement method) {
        return method.getAnnotationMirrors().stream()
                .map(mirror -> ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString())
                .anyMatch(BINDING_ANNOTATIONS::contains);
    }

    /** Whether {@code type}, or a type nested in it, offers callers an instance of {@code module}. */
    private static boolean handsOutInstances(TypeElement type, TypeElement module) {
        if (!type.equals(module) && isModuleOrSubclass(type, module)) {
            return true;
        }
        for (Element member : type.getEnclosedElements()) {
            if (member.getModifiers().contains(Modifier.PRIVATE)) {
                continue;
            }
            boolean handsOut = switch (member.getKind()) {
                case METHOD -> mentions(((ExecutableElement) member).getReturnType(), module);
                case FIELD, ENUM_CONSTANT -> mentions(((VariableElement) member).asType(), module);
                case CLASS, ENUM, RECORD, INTERFACE -> handsOutInstances((TypeElement) member, module);
                default -> false;
            };
            if (handsOut) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} is the module or a subclass of it, or wraps one ({@code Optional<MailModule>}, arrays). */
    private static boolean mentions(TypeMirror type, TypeElement module) {
        if (type.getKind() == TypeKind.ARRAY) {
            return mentions(((ArrayType) type).getComponentType(), module);
        }
        if (type.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((WildcardType) type).getExtendsBound();
            return bound != null && mentions(bound, module);
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        if (isModuleOrSubclass((TypeElement) declared.asElement(), module)) {
            return true;
        }
        return declared.getTypeArguments().stream().anyMatch(argument -> mentions(argument, module));
    }

    private static boolean isModuleOrSubclass(TypeElement type, TypeElement module) {
        for (TypeElement current = type; current != null; current = superclass(current)) {
            if (current.getQualifiedName().contentEquals(module.getQualifiedName())) {
                return true;
            }
        }
        return false;
    }

    private static TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
    }

    private static TypeElement outermost(TypeElement type) {
        TypeElement current = type;
        while (current.getEnclosingElement() instanceof TypeElement enclosing) {
            current = enclosing;
        }
        return current;
    }
}
