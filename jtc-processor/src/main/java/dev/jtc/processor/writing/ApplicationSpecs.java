package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.Contributions;
import dev.jtc.processor.model.DaggerModules;
import dev.jtc.processor.model.DaggerModules.Instance;
import dev.jtc.processor.model.DeprecatedUses;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.MarkerKind;
import dev.jtc.processor.validation.ApplicationValidator;
import dev.jtc.processor.writing.ApplicationSpec.JobEntry;
import dev.jtc.processor.writing.ApplicationSpec.ModuleSpec;
import dev.jtc.processor.writing.ApplicationSpec.Parameter;
import dev.jtc.processor.writing.ApplicationSpec.TaskEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns a validated application and its contributions into the spec of its aggregate classes:
 * names, a stable order (jobs by package, then name; tasks by owner), the modules. Parameter
 * names come from the contributions, which recorded them from source; parameter types from the
 * codecs, which class files keep exactly. It assumes validation passed and does not re-check.
 */
public final class ApplicationSpecs {

    private final Elements elements;
    private final DaggerModules daggerModules;
    private final Function<TypeElement, String> sourceOf;

    /** @param sourceOf the application's source relative to the class output, or empty (recorded in its marker) */
    public ApplicationSpecs(Elements elements, Function<TypeElement, String> sourceOf) {
        this.elements = elements;
        this.daggerModules = new DaggerModules(elements);
        this.sourceOf = sourceOf;
    }

    /** The generated names of an application. */
    public GeneratedNames names(ApplicationDeclaration application) {
        String ownPackage = elements.getPackageOf(application.type()).getQualifiedName().toString();
        return new GeneratedNames(application.targetPackage(ownPackage), application.type().getSimpleName().toString());
    }

    public ApplicationSpec application(ApplicationDeclaration application, Contributions contributions) {
        GeneratedNames names = names(application);
        List<Element> originating = new ArrayList<>();
        originating.add(application.type());
        DeprecatedUses deprecated = new DeprecatedUses(elements);

        List<Contributions.Job> jobContributions = new ArrayList<>(contributions.jobs());
        jobContributions.sort(Comparator.comparing((Contributions.Job job) -> packageOf(job.job()))
                .thenComparing(Contributions.Job::wireName));
        List<JobEntry> jobs = new ArrayList<>();
        for (Contributions.Job job : jobContributions) {
            ExecutableElement encode = ApplicationValidator.encode(job.codec());
            List<Parameter> parameters = new ArrayList<>();
            List<? extends VariableElement> encodeParameters = encode.getParameters();
            for (int i = 0; i < encodeParameters.size(); i++) {
                TypeMirror type = encodeParameters.get(i).asType();
                parameters.add(new Parameter(job.parameters().get(i), TypeName.get(type)));
                deprecated.type(type);
            }
            deprecated.element(job.job());
            jobs.add(new JobEntry(job.wireName(), ClassName.get(job.job()), ClassName.get(job.codec()),
                    GeneratedNames.methodName(job.wireName()), parameters, encode.isVarArgs()));
            originating.add(job.job());
        }

        List<Contributions.Owner> owners = new ArrayList<>(contributions.owners());
        owners.sort(Comparator.comparing(owner -> owner.owner().getQualifiedName().toString()));
        List<TaskEntry> tasks = new ArrayList<>();
        List<ClassName> schedules = new ArrayList<>();
        for (Contributions.Owner owner : owners) {
            ClassName ownerName = ClassName.get(owner.owner());
            ClassName schedule = ClassName.get(owner.schedule());
            schedules.add(schedule);
            for (int i = 0; i < owner.tasks().size(); i++) {
                tasks.add(new TaskEntry(owner.tasks().get(i), ownerName, schedule, owner.runners().get(i),
                        GeneratedNames.methodName(owner.tasks().get(i))));
            }
            deprecated.element(owner.owner());
            if (!originating.contains(owner.owner())) {
                originating.add(owner.owner());
            }
        }

        NameAllocator moduleParameters = new NameAllocator();
        for (String taken : List.of("dispatcher", "clock", "settings")) {
            moduleParameters.newName(taken, taken);
        }
        List<ModuleSpec> modules = new ArrayList<>();
        DeprecatedUses passedModules = new DeprecatedUses(elements);
        for (Attribute<TypeMirror> module : application.modules()) {
            TypeElement type = (TypeElement) ((DeclaredType) module.value()).asElement();
            ClassName name = ClassName.get(type);
            boolean passed = daggerModules.instance(type, names.targetPackage()) == Instance.PASSED_BY_APPLICATION;
            modules.add(new ModuleSpec(name, passed, moduleParameters.newName(GeneratedNames.lowerCamel(name.simpleName()))));
            deprecated.element(type);
            if (passed) {
                passedModules.element(type);
            }
            originating.add(type);
        }
        ClassName applicationName = ClassName.get(application.type());
        return new ApplicationSpec(names, applicationName, jobs, tasks, schedules, modules, deprecated.warnings(),
                passedModules.warnings(), originating, GeneratedNames.marker(applicationName, MarkerKind.APPLICATION),
                sourceOf.apply(application.type()));
    }

    private String packageOf(Element element) {
        return elements.getPackageOf(element).getQualifiedName().toString();
    }
}
