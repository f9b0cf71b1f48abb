package dev.jtc.processor.validation;

import com.palantir.javapoet.ClassName;
import dev.jtc.processor.model.AnnotationNames;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.DaggerModules;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.naming.GeneratedNames;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Exactly one {@code @JtcApplication} in a compilation; a valid package; real Dagger
 * modules, each of which Dagger or the application can instantiate where an instance is needed;
 * no class of the compilation already named like a class jtc generates.
 */
final class ApplicationRules {

    private final Elements elements;
    private final DaggerModules daggerModules;
    private final Report report;
    private final boolean finalRound;

    /** @param finalRound whether modules that do not resolve yet are errors rather than something to wait for */
    ApplicationRules(Elements elements, Report report, boolean finalRound) {
        this.elements = elements;
        this.daggerModules = new DaggerModules(elements);
        this.report = report;
        this.finalRound = finalRound;
    }

    void check(List<ApplicationDeclaration> applications, Set<String> sourceTypes) {
        ApplicationDeclaration first = applications.get(0);
        for (ApplicationDeclaration other : applications.subList(1, applications.size())) {
            report.errorOnAnnotation(Message.APPLICATION_TWICE, other.type(), other.annotation(),
                    other.type().getQualifiedName(), first.type().getQualifiedName());
        }
        for (ApplicationDeclaration application : applications) {
            checkPackage(application);
            checkModules(application);
        }
        if (applications.size() == 1) {
            checkGeneratedNames(first, sourceTypes);
        }
    }

    /**
     * Every class jtc (and Dagger, from jtc's component) will write must not be a class of the
     * compilation already, or the {@code Filer} refuses to write it. Only the compilation's own
     * sources count: a class file of the same name on the classpath (an earlier build's output) is
     * simply replaced.
     */
    private void checkGeneratedNames(ApplicationDeclaration application, Set<String> sourceTypes) {
        String ownPackage = elements.getPackageOf(application.type()).getQualifiedName().toString();
        String target = application.targetPackage(ownPackage);
        if (!target.isEmpty() && !SourceVersion.isName(target)) {
            return; // reported by checkPackage
        }
        GeneratedNames names = new GeneratedNames(target, application.type().getSimpleName().toString());
        for (ClassName generated : List.of(names.jobs(), names.jobRunner(), names.scheduleRegistry(), names.component(),
                names.daggerComponent(), names.worker())) {
            if (sourceTypes.contains(generated.canonicalName())) {
                report.errorOnAnnotation(Message.GENERATED_NAME_TAKEN, application.type(), application.annotation(),
                        generated.canonicalName(), application.type().getQualifiedName(), generated.canonicalName());
            }
        }
    }

    private void checkPackage(ApplicationDeclaration application) {
        String name = application.generatedPackage().value();
        if (!name.isEmpty() && !SourceVersion.isName(name)) {
            report.error(Message.INVALID_GENERATED_PACKAGE, application.type(), application.annotation(),
                    application.generatedPackage(), name, application.type().getQualifiedName());
        }
    }

    private void checkModules(ApplicationDeclaration application) {
        for (Attribute<TypeMirror> module : application.modules()) {
            TypeMirror type = module.value();
            if (type == null || type.getKind() == TypeKind.ERROR) {
                // javac reports the class literal, unless another processor generates the module in a later round.
                if (finalRound) {
                    report.error(Message.MODULE_MISSING, application.type(), application.annotation(), module.source(),
                            application.type().getQualifiedName());
                } else {
                    report.waitFor(Report.APPLICATION);
                }
                continue;
            }
            Element element = type.getKind() == TypeKind.DECLARED ? ((DeclaredType) type).asElement() : null;
            if (element == null || !Mirrors.has(element, AnnotationNames.DAGGER_MODULE)) {
                report.error(Message.INVALID_MODULE, application.type(), application.annotation(), module.source(), type);
                continue;
            }
            TypeElement moduleType = (TypeElement) element;
            List<ExecutableElement> instanceMethods = daggerModules.instanceBindingMethods(moduleType);
            if (!instanceMethods.isEmpty() && !daggerModules.applicationCanMake(moduleType)) {
                report.error(Message.MODULE_NOT_INSTANTIABLE, application.type(), application.annotation(), module.source(),
                        moduleType.getQualifiedName(), methodList(instanceMethods), moduleType.getSimpleName());
            }
        }
    }

    /** "mailer(), outbox()": the methods a user would make static. */
    private static String methodList(List<ExecutableElement> methods) {
        return String.join(", ", methods.stream().map(method -> method.getSimpleName() + "()").toList());
    }
}
