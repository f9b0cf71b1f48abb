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
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.MarkerKind;
import dev.jtc.processor.validation.ApplicationValidator;
import dev.jtc.processor.writing.ApplicationSpec.JobEntry;
import dev.jtc.processor.writing.ApplicationSpec.MiddlewareEntry;
import dev.jtc.processor.writing.ApplicationSpec.ModuleSpec;
import dev.jtc.processor.writing.ApplicationSpec.Parameter;
import dev.jtc.processor.writing.ApplicationSpec.TaskEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
        Middlewares middleware = middleware(application, contributions, deprecated, originating);
        List<String> applicationChain = middleware.chain(application.middleware().stream()
                .map(entry -> ((TypeElement) ((DeclaredType) entry.value()).asElement()).getQualifiedName().toString())
                .toList());
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
            List<String> chain = new ArrayList<>(applicationChain);
            chain.addAll(middleware.chain(job.middleware()));
            jobs.add(new JobEntry(job.wireName(), ClassName.get(job.job()), ClassName.get(job.codec()),
                    GeneratedNames.methodName(job.wireName()), parameters, encode.isVarArgs(), chain));
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
                        GeneratedNames.methodName(owner.tasks().get(i)), applicationChain));
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
        return new ApplicationSpec(names, applicationName, jobs, tasks, schedules, middleware.entries(), modules,
                deprecated.warnings(), passedModules.warnings(), originating,
                GeneratedNames.marker(applicationName, MarkerKind.APPLICATION), sourceOf.apply(application.type()));
    }

    /** The application's middleware classes, each named once, and the chains that use them by those names. */
    private record Middlewares(List<MiddlewareEntry> entries, Map<String, String> names) {

        /** {@code classes}, by canonical name, as the names of their fields in the dispatch table. */
        List<String> chain(List<String> classes) {
            return classes.stream().map(names::get).toList();
        }
    }

    /**
     * Every middleware class of the application and of its jobs, by canonical name, named so that
     * no job or task method changes.
     */
    private Middlewares middleware(ApplicationDeclaration application, Contributions contributions, DeprecatedUses deprecated,
            List<Element> originating) {
        Map<String, TypeElement> classes = new TreeMap<>();
        for (Attribute<TypeMirror> entry : application.middleware()) {
            TypeElement type = (TypeElement) ((DeclaredType) entry.value()).asElement();
            classes.put(type.getQualifiedName().toString(), type);
        }
        for (Contributions.Job job : contributions.jobs()) {
            job.middleware().forEach(name -> classes.computeIfAbsent(name, elements::getTypeElement));
        }
        Set<String> taken = new HashSet<>();
        contributions.jobs().forEach(job -> taken.add(GeneratedNames.methodName(job.wireName())));
        contributions.owners().forEach(owner -> owner.tasks().forEach(task -> taken.add(GeneratedNames.methodName(task))));
        List<ClassName> types = classes.values().stream().map(ClassName::get).toList();
        Map<ClassName, String> allocated = GeneratedNames.middlewareNames(types, taken);
        List<MiddlewareEntry> entries = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (TypeElement type : classes.values()) {
            ClassName name = ClassName.get(type);
            entries.add(new MiddlewareEntry(name, !Mirrors.injectConstructors(type).isEmpty(), allocated.get(name)));
            names.put(type.getQualifiedName().toString(), allocated.get(name));
            deprecated.element(type);
            if (!originating.contains(type)) {
                originating.add(type);
            }
        }
        return new Middlewares(entries, names);
    }

    private String packageOf(Element element) {
        return elements.getPackageOf(element).getQualifiedName().toString();
    }
}
