package dev.jtc.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import dev.jtc.processor.model.ApplicationDeclaration;
import dev.jtc.processor.model.Attribute;
import dev.jtc.processor.model.CompilationModel;
import dev.jtc.processor.model.DaggerModules;
import dev.jtc.processor.model.DaggerModules.Instance;
import dev.jtc.processor.model.DeprecatedUses;
import dev.jtc.processor.model.JobDeclaration;
import dev.jtc.processor.model.Mirrors;
import dev.jtc.processor.model.PayloadTypeReader;
import dev.jtc.processor.model.TaskDeclaration;
import dev.jtc.processor.model.TaskDeclaration.TaskKind;
import dev.jtc.processor.naming.GeneratedNames;
import dev.jtc.processor.naming.GeneratedNames.CodecNames;
import dev.jtc.processor.writing.ApplicationSpec.ModuleSpec;
import dev.jtc.processor.writing.ApplicationSpec.ProvisionSpec;
import dev.jtc.processor.writing.JobSpec.Argument;
import dev.jtc.schedule.CronSchedule;
import dev.jtc.schedule.Durations;
import dev.jtc.schedule.IntervalSchedule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Turns a model that passed validation into the specs the writers work from: parsed values,
 * generated names, a stable order (by package, then by name). It is the last place that looks at
 * {@code Element}s; it assumes validation passed and does not re-check.
 */
public final class SpecBuilder {

    private static final int FINGERPRINT_HEX_DIGITS = 16;

    private final Elements elements;
    private final DaggerModules daggerModules;
    private final CodecNames codecNames;

    /** @param codecNames kept for the whole compilation, so a codec's name never changes between rounds */
    public SpecBuilder(Elements elements, CodecNames codecNames) {
        this.elements = elements;
        this.daggerModules = new DaggerModules(elements);
        this.codecNames = codecNames;
    }

    /** The generated names of the compilation's one application. */
    public GeneratedNames names(ApplicationDeclaration application) {
        String ownPackage = elements.getPackageOf(application.type()).getQualifiedName().toString();
        return new GeneratedNames(application.targetPackage(ownPackage), application.type().getSimpleName().toString());
    }

    /**
     * The spec of one job, enough for its codec; the application-wide member names are not set yet.
     *
     * @param sourceTypes the compilation's top-level classes, whose names a codec must not take
     */
    public JobSpec job(JobDeclaration job, GeneratedNames names, Set<String> sourceTypes) {
        ClassName type = ClassName.get(job.type());
        String codec = codecNames.codecFor(type, simpleName -> sourceTypes.contains(qualified(names.targetPackage(), simpleName)));
        ExecutableElement handle = job.handleMethods().get(0);
        PayloadTypeReader payloadTypes = new PayloadTypeReader(elements, names.targetPackage());
        DeprecatedUses deprecated = new DeprecatedUses(elements);
        List<VariableElement> payload = new ArrayList<>();
        for (VariableElement parameter : handle.getParameters()) {
            if (!Mirrors.isJobContext(parameter.asType())) {
                payload.add(parameter);
            }
        }
        List<String> componentNames = GeneratedNames.recordComponentNames(
                payload.stream().map(parameter -> parameter.getSimpleName().toString()).toList());
        List<Argument> arguments = new ArrayList<>();
        StringBuilder schema = new StringBuilder();
        Set<String> recordsSpelled = new HashSet<>();
        for (VariableElement parameter : handle.getParameters()) {
            String name = parameter.getSimpleName().toString();
            int index = payload.indexOf(parameter);
            if (index < 0) {
                arguments.add(new Argument(name, null, null, true));
                continue;
            }
            Argument argument = new Argument(name, componentNames.get(index), payloadTypes.read(parameter.asType()).type(), false);
            arguments.add(argument);
            deprecated.type(parameter.asType());
            if (schema.length() > 0) {
                schema.append(',');
            }
            schema.append(name).append(':');
            argument.type().appendSchema(schema, recordsSpelled);
        }
        return new JobSpec(
                type,
                job.wireName(),
                job.queue().value(),
                job.retries().value(),
                optionalDuration(job.timeout()),
                Durations.parse(job.backoffBase().value()),
                Durations.parse(job.backoffCap().value()),
                ClassName.get(names.targetPackage(), codec),
                arguments,
                handle.isVarArgs(),
                schema.toString(),
                fingerprint(schema.toString()),
                deprecated.warnings(),
                null,
                null,
                null,
                job.type());
    }

    /** The whole application: jobs, tasks, modules and the component's provision methods. */
    public ApplicationSpec application(CompilationModel model) {
        ApplicationDeclaration application = model.applications().get(0);
        GeneratedNames names = names(application);
        List<Element> originating = new ArrayList<>();
        originating.add(application.type());

        List<JobDeclaration> jobDeclarations = new ArrayList<>(model.jobs());
        jobDeclarations.sort(Comparator.comparing((JobDeclaration job) -> packageOf(job.type())).thenComparing(JobDeclaration::wireName));
        List<TaskDeclaration> taskDeclarations = new ArrayList<>(model.tasks());
        taskDeclarations.sort(Comparator.comparing((TaskDeclaration task) -> task.owner().getQualifiedName().toString())
                .thenComparing(TaskDeclaration::wireName));

        NameAllocator provisionNames = GeneratedNames.memberNames();
        // jobs() is the component's own; Dagger reserves factory(), builder() and create() for making the component.
        for (String taken : List.of("jobs", "factory", "builder", "create")) {
            provisionNames.newName(taken, taken);
        }
        Map<String, ProvisionSpec> provisions = new LinkedHashMap<>();
        for (JobDeclaration job : jobDeclarations) {
            provision(provisions, provisionNames, ClassName.get(job.type()), true);
        }
        for (TaskDeclaration task : taskDeclarations) {
            provision(provisions, provisionNames, ClassName.get(task.owner()), false);
        }

        NameAllocator dispatchMethods = GeneratedNames.memberNames();
        NameAllocator jobConstants = new NameAllocator();
        jobConstants.newName("JOB_TYPES", "JOB_TYPES");
        List<JobSpec> jobs = new ArrayList<>();
        DeprecatedUses deprecated = new DeprecatedUses(elements);
        for (JobDeclaration declaration : jobDeclarations) {
            JobSpec job = job(declaration, names, model.sourceTypes());
            deprecated.element(declaration.type()).element(declaration.handleMethods().get(0));
            declaration.handleMethods().get(0).getParameters().forEach(parameter -> deprecated.type(parameter.asType()));
            jobs.add(job.withNames(
                    dispatchMethods.newName(GeneratedNames.lowerCamel(job.type().simpleName())),
                    jobConstants.newName(GeneratedNames.upperSnake(job.wireName())),
                    provisions.get(job.type().canonicalName()).methodName()));
            originating.add(declaration.type());
        }

        NameAllocator taskConstants = new NameAllocator();
        taskConstants.newName("TASKS", "TASKS");
        List<TaskSpec> tasks = new ArrayList<>();
        for (TaskDeclaration declaration : taskDeclarations) {
            deprecated.element(declaration.method());
            tasks.add(task(declaration, taskConstants.newName(GeneratedNames.upperSnake(declaration.wireName())),
                    provisions.get(ClassName.get(declaration.owner()).canonicalName()).methodName()));
            if (!originating.contains(declaration.owner())) {
                originating.add(declaration.owner());
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
            modules.add(new ModuleSpec(name, passed,
                    moduleParameters.newName(GeneratedNames.lowerCamel(name.simpleName()))));
            deprecated.element(type);
            if (passed) {
                passedModules.element(type);
            }
            originating.add(type);
        }
        return new ApplicationSpec(names, ClassName.get(application.type()), jobs, tasks, modules,
                List.copyOf(provisions.values()), deprecated.warnings(), passedModules.warnings(), originating);
    }

    private static void provision(Map<String, ProvisionSpec> provisions, NameAllocator names, ClassName type, boolean job) {
        if (!provisions.containsKey(type.canonicalName())) {
            String method = names.newName(GeneratedNames.lowerCamel(type.simpleName()));
            provisions.put(type.canonicalName(), new ProvisionSpec(type, method, job));
        }
    }

    private TaskSpec task(TaskDeclaration task, String constant, String provisionMethod) {
        boolean cron = task.kind() == TaskKind.CRON;
        String expression = task.expression().value();
        String zone = task.zone().value();
        Duration interval = cron ? null : Durations.parse(expression);
        String described = cron
                ? CronSchedule.of(expression, zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone)).describe()
                : IntervalSchedule.of(interval).describe();
        boolean takesContext = !task.method().getParameters().isEmpty();
        return new TaskSpec(
                task.wireName(),
                cron,
                expression,
                zone,
                interval,
                described,
                task.description().value(),
                task.missed().value(),
                task.overlap().value(),
                task.queue().value(),
                task.retries().value(),
                optionalDuration(task.timeout()),
                ClassName.get(task.owner()),
                task.method().getSimpleName().toString(),
                takesContext,
                constant,
                provisionMethod,
                task.method());
    }

    private static Duration optionalDuration(Attribute<String> attribute) {
        return attribute.value().isEmpty() ? Duration.ZERO : Durations.parse(attribute.value());
    }

    /** The first 16 hex digits of the SHA-256 of the schema: short, stable, and changes with the schema. */
    static String fingerprint(String schema) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; hex.length() < FINGERPRINT_HEX_DIGITS; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String packageOf(Element element) {
        return elements.getPackageOf(element).getQualifiedName().toString();
    }

    private static String qualified(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
